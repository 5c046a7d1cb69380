using ClaimReview.Web.Auditing;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Accounts;

/// <summary>
/// Adding users, changing their role, disabling and enabling them: shared by the <c>user</c> CLI verb and the admin
/// pages. Every change is audited under the author of the database context (the signed-in admin, or the CLI operator).
/// Failures are values with a message a person can act on.
/// </summary>
public sealed class UserAdministration(UserManager<IdentityUser> users, ClaimReviewDb db)
{
    public sealed record Result(bool Succeeded, string Message)
    {
        public static Result Ok(string message) => new(true, message);
        public static Result Fail(string message) => new(false, message);
    }

    /// <summary>An account as the admin sees it: locked out (until when) after failed sign-ins, and the failures counted so far.</summary>
    public sealed record UserRow(string Id, string Email, string Role, bool Disabled, bool LockedOut, DateTimeOffset? LockedUntil = null, int FailedSignIns = 0);

    /// <summary>Runs the CLI's changes as the operator (there is no signed-in user at the command line).</summary>
    public void ActAs(ChangeAuthor author) => db.Author = author;

    public async Task<Result> AddAsync(string email, string password, string roleText)
    {
        var role = Roles.Parse(roleText);
        if (role is null)
        {
            return Result.Fail($"Unknown role '{roleText}'. Roles: {string.Join(", ", Roles.All)}.");
        }
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Result.Fail($"A user with the e-mail {email} already exists.");
        }
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Result.Fail(Describe(created));
        }
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            return Result.Fail(Describe(added));
        }
        await transaction.CommitAsync();
        return Result.Ok($"Added {email} as {role}.");
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.LockoutEnd,
                u.AccessFailedCount,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync();
        return [.. rows.Select(u =>
        {
            var lockedOut = u.LockoutEnd is { } end && end > now && !IsDisabled(end);
            return new UserRow(u.Id, u.Email ?? "", u.Role ?? "(none)", Disabled: IsDisabled(u.LockoutEnd), LockedOut: lockedOut,
                LockedUntil: lockedOut ? u.LockoutEnd : null, FailedSignIns: u.AccessFailedCount);
        })];
    }

    public async Task<Result> SetRoleAsync(string email, string roleText)
    {
        var role = Roles.Parse(roleText);
        if (role is null)
        {
            return Result.Fail($"Unknown role '{roleText}'. Roles: {string.Join(", ", Roles.All)}.");
        }
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return Result.Fail($"No user with the e-mail {email}.");
        }
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role)
        {
            return Result.Ok($"{user.Email} is already {role}.");
        }
        // The check and the change in one write transaction (SQLite BEGIN IMMEDIATE): two admins demoting each other
        // at once cannot leave none.
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (current.Contains(Roles.Admin) && role != Roles.Admin && await IsLastActiveAdminAsync(user))
        {
            return Result.Fail($"{user.Email} is the last active admin; make another admin first.");
        }
        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
        if (!added.Succeeded)
        {
            return Result.Fail(Describe(added));
        }
        await transaction.CommitAsync();
        return Result.Ok($"{user.Email} is now {role}.");
    }

    /// <summary>Disables the account: it cannot sign in, and open sessions end at their next request (security stamp).</summary>
    public async Task<Result> DisableAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return Result.Fail($"No user with the e-mail {email}.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await users.IsInRoleAsync(user, Roles.Admin) && await IsLastActiveAdminAsync(user))
        {
            return Result.Fail($"{user.Email} is the last active admin; make another admin first.");
        }
        await users.SetLockoutEnabledAsync(user, true);
        var locked = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        if (!locked.Succeeded)
        {
            return Result.Fail(Describe(locked));
        }
        await transaction.CommitAsync();
        return Result.Ok($"Disabled {user.Email}.");
    }

    public async Task<Result> EnableAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return Result.Fail($"No user with the e-mail {email}.");
        }
        var wasDisabled = IsDisabled(user.LockoutEnd);
        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return !unlocked.Succeeded ? Result.Fail(Describe(unlocked))
            : Result.Ok(wasDisabled ? $"Enabled {user.Email}." : $"Unlocked {user.Email}: the failed sign-ins are cleared.");
    }

    /// <summary>Whether any admin who can sign in exists (the first-run setup link is offered when none does).</summary>
    public async Task<bool> AnyActiveAdminAsync() =>
        (await users.GetUsersInRoleAsync(Roles.Admin)).Any(u => !IsDisabled(u.LockoutEnd));

    private async Task<bool> IsLastActiveAdminAsync(IdentityUser user) =>
        !(await users.GetUsersInRoleAsync(Roles.Admin)).Any(u => u.Id != user.Id && !IsDisabled(u.LockoutEnd));

    /// <summary>A disabled account is locked out until the end of time (stored to the millisecond, so compared by year).</summary>
    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd?.Year == DateTimeOffset.MaxValue.Year;

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
