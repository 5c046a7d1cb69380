using System.Globalization;
using ClaimReview.Extraction.Events;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;

namespace ClaimReview.Web.Review;

/// <summary>How review actions name records in the audit log and in messages: by their title, not their number.</summary>
public static class RecordTitles
{
    private const int MaxLength = 120;

    /// <summary>claim 'Islamic State claims a province in India'</summary>
    public static string Claim(string summary) => $"claim '{Shorten(summary)}'";

    /// <summary>event 'attack, 2019-05-10, Pinjora, Shopian'</summary>
    public static string Event(EventKind kind, DateOnly? date, params string?[] places)
    {
        var parts = new List<string> { SnakeCase.Name(kind).Replace('_', ' ') };
        if (date is { } d)
        {
            parts.Add(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        parts.AddRange(places.Where(p => !string.IsNullOrWhiteSpace(p))!);
        return $"event '{string.Join(", ", parts)}'";
    }

    public static string Event(Event e) => Event(e.Kind, e.Date, e.Place, e.District, e.Region, e.Country);

    /// <summary>'quote…' as a report is named in a list.</summary>
    public static string Quote(string quote) => $"'{Shorten(quote, 80)}'";

    private static string Shorten(string text, int max = MaxLength) => text.Length <= max ? text : text[..max].TrimEnd() + "…";
}
