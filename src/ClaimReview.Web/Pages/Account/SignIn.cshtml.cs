using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Pages.Account;

/// <summary>
/// Sign in with e-mail and password. An unknown e-mail, a wrong password and a locked account get the same message,
/// and an unknown e-mail costs the same password hashing as a known one, so neither says which accounts exist.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, IPasswordHasher<IdentityUser> hasher) : PageModel
{
    public const string Failure = "Sign-in failed: the e-mail or password is wrong, or the account is locked after repeated failures (try again in 15 minutes).";

    // A hash to verify against when the e-mail is unknown, so both paths do the same work.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Guid.NewGuid().ToString()));

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public sealed class InputModel
    {
        [Required, EmailAddress, Display(Name = "E-mail"), StringLength(256)]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(512)]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            hasher.VerifyHashedPassword(new IdentityUser(), DecoyHash.Value, Input.Password);
            Error = Failure;
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            Error = Failure;
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
