using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Pages.Admin;

/// <summary>
/// Accounts: list, add (with an initial password the admin types and passes on), change role, disable, enable.
/// Everything goes through <see cref="UserAdministration"/>, as the CLI does, so the same rules hold (the last active
/// admin can be neither demoted nor disabled) and every change is audited under the signed-in admin.
/// </summary>
[Authorize(Policy = Policies.Administer)]
[NoPageCache]
public sealed class UsersModel(UserAdministration administration) : PageModel
{
    [BindProperty]
    public AddInput Input { get; set; } = new();

    public sealed class AddInput
    {
        [Required, EmailAddress, Display(Name = "E-mail"), StringLength(256)]
        public string Email { get; set; } = "";

        [Required, Display(Name = "Role")]
        public string Role { get; set; } = Roles.Analyst;

        [Required, DataType(DataType.Password), Display(Name = "Initial password (at least 12 characters)"),
         StringLength(512, MinimumLength = 12, ErrorMessage = "The password needs at least 12 characters.")]
        public string Password { get; set; } = "";
    }

    public IReadOnlyList<UserAdministration.UserRow> Users { get; private set; } = [];

    /// <summary>What the last action did, after the redirect.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Why an action was refused (shown as an alert).</summary>
    public string? Refused { get; private set; }

    public async Task OnGetAsync() => Users = await administration.ListAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(null);
        }
        var result = await administration.AddAsync(Input.Email, Input.Password, Input.Role);
        if (!result.Succeeded)
        {
            return await ShowAsync(result.Message);
        }
        return Finish(result);
    }

    // The row actions name the user by e-mail (as the CLI does) and are not bound to Input: the add form's rules do not apply.
    public async Task<IActionResult> OnPostSetRoleAsync(string? email, string? role)
    {
        ModelState.Clear();
        var result = await administration.SetRoleAsync(email ?? "", role ?? "");
        return result.Succeeded ? Finish(result) : await ShowAsync(result.Message);
    }

    public async Task<IActionResult> OnPostDisableAsync(string? email)
    {
        ModelState.Clear();
        var result = await administration.DisableAsync(email ?? "");
        return result.Succeeded ? Finish(result) : await ShowAsync(result.Message);
    }

    public async Task<IActionResult> OnPostEnableAsync(string? email)
    {
        ModelState.Clear();
        var result = await administration.EnableAsync(email ?? "");
        return result.Succeeded ? Finish(result) : await ShowAsync(result.Message);
    }

    public static string State(UserAdministration.UserRow user) => user.Disabled ? "disabled"
        : user.LockedOut ? $"locked out until {user.LockedUntil?.UtcDateTime:yyyy-MM-dd HH:mm} UTC (too many failed sign-ins)"
        : "active";

    /// <summary>Accounts locked out now: named above the table, so a lockout never goes unnoticed.</summary>
    public IReadOnlyList<UserAdministration.UserRow> LockedOut => [.. Users.Where(u => u.LockedOut)];

    private IActionResult Finish(UserAdministration.Result result)
    {
        Done = result.Message;
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(string? refused)
    {
        Refused = refused;
        Users = await administration.ListAsync();
        Input.Password = "";
        return Page();
    }
}
