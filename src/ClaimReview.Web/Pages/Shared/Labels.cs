using System.Globalization;
using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Linking;
using ClaimReview.Web.Infrastructure;

namespace ClaimReview.Web.Pages.Shared;

/// <summary>Words shown for stored values: enum names in plain English, dates with their precision, tolls as ranges.</summary>
public static class Labels
{
    public static string Of<T>(T value) where T : struct, Enum => SnakeCase.Name(value).Replace('_', ' ');

    public static string Of(string snakeName) => snakeName.Replace('_', ' ');

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A date as precise as it is known: "10 May 2019", "May 2019", "2019", "10–17 May 2019".</summary>
    public static string Date(DateOnly? date, DateOnly? end, DatePrecision? precision)
    {
        if (date is not { } d)
        {
            return "unknown";
        }
        return precision switch
        {
            DatePrecision.Year => d.ToString("yyyy", CultureInfo.InvariantCulture),
            DatePrecision.Month => d.ToString("MMM yyyy", CultureInfo.InvariantCulture),
            DatePrecision.Range when end is { } e && e != d => $"{Date(d)} – {Date(e)}",
            _ => Date(d),
        };
    }

    /// <summary>A casualty range in words: "253", "at least 253", "at most 50", "250–260", or "" when none is given.</summary>
    public static string Toll(int? min, int? max) => DiscrepancyFinder.FormatToll(min, max);

    public static string Place(params string?[] levels) =>
        string.Join(", ", levels.Where(l => !string.IsNullOrWhiteSpace(l)));
}
