using System.Globalization;

namespace ClaimReview.Web.Pages.Claims;

/// <summary>Words for the editorial fields of a claim.</summary>
public static class ClaimLabels
{
    /// <summary>"21 Nov 2026, 12:38 UTC", or "" when there is no time.</summary>
    public static string When(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";
}
