using ClaimReview.Web.Auditing;
using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ClaimReview.Web.Accounts;

public static class AccountServices
{
    /// <summary>The sign-in cookie's name; tests and the output cache refer to it.</summary>
    public const string AuthCookie = "ClaimReview.Auth";
    public const string AntiforgeryCookie = "ClaimReview.Antiforgery";

    /// <summary>Identity on the app's database, roles, lockout, the cookie, and the authorization policies.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped(sp => ChangeAuthor.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User)!);
        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                // Length over composition rules (NIST SP 800-63B); no built-in default password exists anywhere.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ClaimReviewDb>();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = AuthCookie;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/signin";
            options.LogoutPath = "/account/signout";
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events = new CookieAuthenticationEvents
            {
                // Every request checks the session against the stored account: sign-out, a password change or disabling
                // ends it at once (security stamp), a changed role applies at once.
                OnValidatePrincipal = SessionValidator.ValidateAsync,
                // A signed-in user without the right role gets a plain 403 (rendered by the status page), not a redirect.
                OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
            };
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookie;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build())
            .AddPolicy(Policies.Read, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(Policies.Edit, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.Administer, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        services.AddSingleton<FirstRunSetup>();
        services.AddScoped<UserAdministration>();
        return services;
    }
}
