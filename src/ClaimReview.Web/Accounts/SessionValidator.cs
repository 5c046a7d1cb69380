using System.Globalization;
using System.Security.Claims;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace ClaimReview.Web.Accounts;

/// <summary>
/// Checks every signed-in request against the account as stored now: a session whose security stamp has changed
/// (sign-out, password change, disabling, from the app or the CLI) or whose account is gone or disabled is ended on the
/// spot, so a copied cookie dies with the session it came from. A changed role is taken into the session at once.
/// One indexed query on its own connection per request: it must not touch the request's scoped services, which are
/// bound to the signed-in user that this check is still deciding on.
/// </summary>
public static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(stampClaim);
        var stored = userId is null ? null : await ReadAsync(services.GetRequiredService<DatabaseOptions>(), userId, context.HttpContext.RequestAborted);
        if (stored is null || stamp is null || !string.Equals(stored.Stamp, stamp, StringComparison.Ordinal) || UserAdministration.IsDisabled(stored.LockoutEnd))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        var roles = principal!.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (roles.Count != 1 || !string.Equals(roles[0], stored.Role, StringComparison.Ordinal))
        {
            // A fresh scope: the principal is built by Identity's services, not by the request's (see above).
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<IdentityUser>>();
            var user = await signIn.UserManager.FindByIdAsync(userId!);
            if (user is null)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
            context.ShouldRenew = true;
        }
    }

    private sealed record StoredAccount(string? Stamp, DateTimeOffset? LockoutEnd, string? Role);

    private static async Task<StoredAccount?> ReadAsync(DatabaseOptions database, string userId, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT u.security_stamp, u.lockout_end,
                   (SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id ORDER BY r.name LIMIT 1)
            FROM users u WHERE u.id = $id
            """;
        command.Parameters.AddWithValue("$id", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        DateTimeOffset? lockoutEnd = reader.IsDBNull(1) ? null : DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
        return new StoredAccount(reader.IsDBNull(0) ? null : reader.GetString(0), lockoutEnd, reader.IsDBNull(2) ? null : reader.GetString(2));
    }
}
