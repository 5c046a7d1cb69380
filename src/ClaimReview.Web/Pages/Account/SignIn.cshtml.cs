using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Auditing;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Pages.Account;

/// <summary>
/// Sign in with e-mail and password. An unknown e-mail, a wrong password and a locked account get the same message,
/// and an unknown e-mail costs the same password hashing as a known one, so neither says which accounts exist.
/// Attempts are rate-limited per client and per account (<see cref="SignInLimits"/>); the failure that locks an account
/// is logged and written to the audit log, and admins see locked accounts on the Users page and can unlock them.
/// </summary>
[AllowAnonymous]
[PasswordAttempt]
public sealed partial class SignInModel(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, IPasswordHasher<IdentityUser> hasher,
    ClaimReviewDb db, ILogger<SignInModel> logger) : PageModel
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
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var wasLockedOut = await users.IsLockedOutAsync(user);
        // A lockout this attempt causes is audited on the account, under the address the attempts came from.
        db.Author = new ChangeAuthor(null, $"failed sign-ins from {client}");
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut && !wasLockedOut)
        {
            LogLockedOut(logger, user.Email ?? user.Id, client, await users.GetLockoutEndDateAsync(user));
        }
        if (!result.Succeeded)
        {
            Error = Failure;
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {Email} locked out until {LockoutEnd} after repeated failed sign-ins (the last from {Client})")]
    private static partial void LogLockedOut(ILogger logger, string email, string client, DateTimeOffset? lockoutEnd);
}
