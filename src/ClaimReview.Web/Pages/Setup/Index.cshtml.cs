using System.ComponentModel.DataAnnotations;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Pages.Setup;

/// <summary>
/// The first-run page behind the one-time link the app prints while no admin exists: the first admin chooses an
/// e-mail and password here. Any other token, a used one, or one from before a restart answers 404.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(FirstRunSetup setup, UserAdministration administration, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required, EmailAddress, Display(Name = "Your e-mail"), StringLength(256)]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "Password (at least 12 characters)"), StringLength(512)]
        public string Password { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "Repeat the password"), Compare(nameof(Password), ErrorMessage = "The passwords differ.")]
        public string Repeat { get; set; } = "";
    }

    public IActionResult OnGet(string? token) => setup.Accepts(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? token)
    {
        if (!setup.Accepts(token))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Taken before the admin is created: two browsers racing on the same link cannot both make an admin. An admin
        // added meanwhile (with the CLI) closes the link too.
        if (!setup.TryConsume(token))
        {
            return NotFound();
        }
        if (await administration.AnyActiveAdminAsync())
        {
            return NotFound();
        }
        administration.ActAs(new ChangeAuthor(null, $"setup:{Input.Email.Trim()}"));
        var result = await administration.AddAsync(Input.Email, Input.Password, Roles.Admin);
        if (!result.Succeeded)
        {
            setup.Restore(token!);
            ModelState.AddModelError(string.Empty, result.Message);
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        await signIn.SignInAsync(user!, isPersistent: false);
        return Redirect("/");
    }
}
