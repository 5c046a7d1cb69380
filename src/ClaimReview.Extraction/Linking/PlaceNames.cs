using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ClaimReview.Extraction.Linking;

/// <summary>
/// When two outlets' spellings of a place name the same place: "Sérékoura" and "Serekoura" (diacritics),
/// "Hülsenbrück" and "Huelsenbrueck" (umlaut transcribed), "Hamrur" and "Hamroor", "Djonkoro" and "Jonkoro",
/// "Sheenkhwar" and "Sheen Khwar", "al-Athla" and "Al-Athlah" (transliteration pairs, doubled letters, spaces and
/// hyphens, the Arabic article). Names are reduced to a skeleton: letters folded to ASCII, the article dropped,
/// transliteration pairs folded (dj/j, kh/k, dh/d, th/t, sh/s, ph/f, q/k, c/k, v/b, w and y as vowels), vowels
/// dropped after the first letter and doubled letters collapsed. A short skeleton says too little: then the folded
/// names themselves must be equal.
/// </summary>
public static class PlaceNames
{
    /// <summary>
    /// Names seen, with their folded form and skeleton: the linker compares every new report's places with hundreds of
    /// known events', and the same few thousand names come back all the time. Bounded: past the limit a name is folded
    /// again each time, so hostile input cannot grow it.
    /// </summary>
    private static readonly ConcurrentDictionary<string, (string Fold, string Skeleton)> Forms = new(StringComparer.Ordinal);

    private const int FormsLimit = 50_000;

    private static (string Fold, string Skeleton) FormsOf(string name)
    {
        if (Forms.TryGetValue(name, out var forms))
        {
            return forms;
        }

        var folded = ComputeFold(name);
        forms = (folded, SkeletonOf(folded));
        if (Forms.Count < FormsLimit)
        {
            Forms.TryAdd(name, forms);
        }

        return forms;
    }

    /// <summary>The name folded to lower-case ASCII letters without the Arabic article ("al-Athla" → "athla").</summary>
    public static string Fold(string? name) => string.IsNullOrWhiteSpace(name) ? "" : FormsOf(name).Fold;

    private static string ComputeFold(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // "ü" transcribed as "ue": the mark after u, o, a stands for the e others write.
                continue;
            }

            c = char.ToLowerInvariant(c);
            if (c == 'ß')
            {
                sb.Append("ss");
            }
            else if (c is >= 'a' and <= 'z')
            {
                sb.Append(c);
            }
        }

        var folded = sb.ToString();
        foreach (var article in (ReadOnlySpan<string>)["al", "el", "ad", "ar", "as", "an", "at"])
        {
            // "al-Athla", "Al Athlah": the article, written apart from the name.
            if (folded.Length > article.Length + 3 && folded.StartsWith(article, StringComparison.Ordinal) && StartsWithArticle(name, article))
            {
                return folded[article.Length..];
            }
        }

        return folded;
    }

    private static bool StartsWithArticle(string name, string article) =>
        name.Length > article.Length && name.StartsWith(article, StringComparison.OrdinalIgnoreCase) && name[article.Length] is '-' or ' ' or '\'' or '\u2019';

    /// <summary>The consonant skeleton: "Sheenkhwar", "Shinkhwar" and "Sheen Khwar" all give "snkr".</summary>
    public static string Skeleton(string? name) => string.IsNullOrWhiteSpace(name) ? "" : FormsOf(name).Skeleton;

    /// <summary>The skeleton of an already folded name.</summary>
    private static string SkeletonOf(string f)
    {
        if (f.Length == 0)
        {
            return "";
        }

        // Umlauts transcribed with an e ("ue", "oe", "ae") read like the plain vowel.
        f = f.Replace("ue", "u", StringComparison.Ordinal).Replace("oe", "o", StringComparison.Ordinal).Replace("ae", "a", StringComparison.Ordinal);
        var sb = new StringBuilder(f.Length);
        for (var i = 0; i < f.Length; i++)
        {
            var c = f[i];
            var next = i + 1 < f.Length ? f[i + 1] : '\0';
            char? mapped;
            if (c == 'd' && next == 'j')
            {
                continue; // "Djonkoro" / "Jonkoro"
            }

            if (next == 'h' && c is 'k' or 'd' or 't' or 's' or 'g' or 'p' or 'c' or 'z')
            {
                mapped = c switch { 'p' => 'f', 'c' => 's', _ => c };
                i++;
            }
            else
            {
                mapped = c switch
                {
                    'q' or 'c' => 'k',
                    'v' => 'b',
                    'z' => 's',
                    'a' or 'e' or 'i' or 'o' or 'u' or 'w' or 'y' => null,
                    'h' when i > 0 && IsVowel(f[i - 1]) && !IsVowel(next) => null, // "Athlah" / "Athla", "Zarqah camp"
                    _ => c,
                };
            }

            if (i == 0 && mapped is null)
            {
                mapped = 'a'; // a leading vowel counts, whichever one
            }

            if (mapped is { } m && (sb.Length == 0 || sb[^1] != m))
            {
                sb.Append(m);
            }
        }

        return sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w';

    /// <summary>Whether two spellings name the same place.</summary>
    public static bool Same(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var fa = Fold(a);
        var fb = Fold(b);
        if (fa.Length == 0 || fb.Length == 0)
        {
            return false;
        }

        if (fa == fb)
        {
            return true;
        }

        var sa = Skeleton(a);
        return sa.Length >= 3 && sa == Skeleton(b) && Math.Abs(fa.Length - fb.Length) <= 3;
    }

    /// <summary>The key places are indexed by: the skeleton when it says enough, else the folded name.</summary>
    public static string IndexKey(string name)
    {
        var s = Skeleton(name);
        return s.Length >= 3 ? s : "=" + Fold(name);
    }
}
