using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Auditing;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Pages.Account;

/// <summary>Change one's own password (the current one is required); the account's other sessions end at their next request (security stamp).</summary>
[PasswordAttempt]
public sealed class PasswordModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, ClaimReviewDb db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Changed { get; private set; }

    public sealed class InputModel
    {
        [Required, DataType(DataType.Password), Display(Name = "Current password"), StringLength(512)]
        public string Current { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "New password (at least 12 characters)"), StringLength(512)]
        public string New { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "Repeat the new password"), Compare(nameof(New), ErrorMessage = "The new passwords differ.")]
        public string Repeat { get; set; } = "";
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
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        db.Author ??= ChangeAuthor.From(User);
        var result = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Code == "PasswordMismatch" ? "The current password is wrong." : error.Description);
            }
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        Input = new InputModel();
        return Page();
    }
}
