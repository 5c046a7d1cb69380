using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Pages.Account;

/// <summary>
/// Sign out: a confirmation page (so no cached page carries a sign-out form) posting to itself. Signing out rotates the
/// account's security stamp, so the session ends on the server too: a copy of the cookie no longer signs anyone in
/// (nor do the account's other sessions).
/// </summary>
public sealed class SignOutModel(SignInManager<IdentityUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return Redirect("/account/signin");
    }
}
