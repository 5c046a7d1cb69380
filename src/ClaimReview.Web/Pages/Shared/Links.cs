using System.Globalization;
using System.Text;

namespace ClaimReview.Web.Pages.Shared;

/// <summary>Stable, lowercase, shareable addresses: an id plus a readable slug where a record has a name.</summary>
public static class Links
{
    /// <summary>How many linked records a details page lists at most (claims of an event, events and counter-claims of a claim).</summary>
    public const int ListLimit = 200;

    public static string Article(long id, string? title = null) => WithSlug("/articles/", id, title);

    /// <summary>
    /// A claim quote in its article. The article page answers with a redirect to the page of a long article holding the
    /// quote, at its anchor (<c>/articles/5?page=3#q-12</c>; <c>/articles/5#q-12</c> for a one-page article).
    /// </summary>
    public static string ArticleQuote(long articleId, long claimReportId) => ArticleAnchor(articleId, $"q-{claimReportId}");

    public static string ArticleEventQuote(long articleId, long eventReportId) => ArticleAnchor(articleId, $"e-{eventReportId}");

    public static string ArticleMention(long articleId, long mentionId) => ArticleAnchor(articleId, $"m-{mentionId}");

    /// <summary>An anchor in an article (<c>q-</c>, <c>e-</c>, <c>m-</c> or <c>h-</c> and an id), wherever its page is.</summary>
    public static string ArticleAnchor(long articleId, string anchor) => $"/articles/{articleId}?at={anchor}";

    public static string Actor(long id, string? name = null) => WithSlug("/actors/", id, name);

    public static string Claim(long id) => $"/claims/{id}";

    public static string ClaimCoverage(long id) => $"/claims/{id}/coverage";

    public static string Event(long id) => $"/events/{id}";

    public static string EventCoverage(long id) => $"/events/{id}/coverage";

    /// <summary>"Islamic State claims 'province' in India" → "islamic-state-claims-province-in-india" (ASCII, at most 60 characters).</summary>
    public static string Slug(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(Math.Min(text.Length, 64));
        var dash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && builder.Length > 0)
                {
                    builder.Append('-');
                }
                builder.Append(char.ToLowerInvariant(c));
                dash = false;
                if (builder.Length >= 60)
                {
                    break;
                }
            }
            else if (c != '\'' && c != '\u2019')
            {
                dash = true;
            }
        }
        return builder.ToString();
    }

    private static string WithSlug(string prefix, long id, string? name)
    {
        var slug = Slug(name);
        return slug.Length == 0 ? $"{prefix}{id}" : $"{prefix}{id}/{slug}";
    }
}
