using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Pages.Account;

/// <summary>Sign out: a confirmation page (so no cached page carries a sign-out form) posting to itself.</summary>
public sealed class SignOutModel(SignInManager<IdentityUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/account/signin");
    }
}
