using System.Text.RegularExpressions;

namespace ClaimReview.Web.Claims;

/// <summary>What a tag name may be: trimmed, inner runs of whitespace made one space, 1 to <see cref="MaxLength"/> characters.</summary>
public static partial class TagNames
{
    public const int MaxLength = 60;

    public static string Normalize(string? name) => Whitespace().Replace(name ?? "", " ").Trim();

    /// <summary>Why <paramref name="normalized"/> cannot be a tag name, or null when it can.</summary>
    public static string? Problem(string normalized) => normalized.Length switch
    {
        0 => "Give the tag a name.",
        > MaxLength => $"A tag name has at most {MaxLength} characters.",
        _ => null,
    };

    /// <summary>Names are unique whatever their case: "Kashmir" and "kashmir" are the same tag.</summary>
    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
