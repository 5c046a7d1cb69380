using System.Globalization;

namespace ClaimReview.Web.Auditing;

/// <summary>How audit entries and import times read on pages: UTC times to the second, long values shortened.</summary>
public static class AuditText
{
    /// <summary>How many characters of a value a table shows before the rest is folded away.</summary>
    public const int ShortLength = 160;

    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="value"/> is longer than a table shows.</summary>
    public static bool IsLong(string? value) => value is { Length: > ShortLength };

    /// <summary>The first <see cref="ShortLength"/> characters (not splitting a surrogate pair) and an ellipsis.</summary>
    public static string Shorten(string? value)
    {
        if (value is null || value.Length <= ShortLength)
        {
            return value ?? "";
        }
        var cut = char.IsHighSurrogate(value[ShortLength - 1]) ? ShortLength - 1 : ShortLength;
        return value[..cut] + "…";
    }
}
