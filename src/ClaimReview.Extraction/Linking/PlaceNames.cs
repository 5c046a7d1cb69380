using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ClaimReview.Extraction.Linking;

/// <summary>
/// When two outlets' spellings of a place name the same place: "Sérékoura" and "Serekoura" (diacritics),
/// "Hülsenbrück" and "Huelsenbrueck" (umlaut transcribed), "Hamrur" and "Hamroor", "Djonkoro" and "Jonkoro",
/// "Sheenkhwar" and "Sheen Khwar", "al-Athla" and "Al-Athlah" (transliteration pairs, doubled letters, spaces and
/// hyphens, the Arabic article at the start or inside: "Deir ez-Zor", "Dayr az-Zawr"). Names are reduced to a skeleton:
/// letters folded to ASCII, the article dropped, transliteration pairs folded (dj/j, kh/k, dh/d, th/t, sh/s, ph/f,
/// q/k, c/k, v/b, w and y as vowels), vowels dropped after the first letter and doubled letters collapsed (a consonant
/// on both sides of a vowel stays two: "Dédougou" and "Dedugu" are d-d-g). A short skeleton says too little: then the
/// folded names themselves must be equal.
/// </summary>
public static class PlaceNames
{
    /// <summary>
    /// Names seen, with their folded form and skeleton: the linker compares every new report's places with hundreds of
    /// known events', and the same few thousand names come back all the time. Bounded: past the limit a name is folded
    /// again each time, so hostile input cannot grow it.
    /// </summary>
    private static readonly ConcurrentDictionary<string, (string Fold, string Skeleton, string Vowels)> Forms = new(StringComparer.Ordinal);

    private const int FormsLimit = 50_000;

    private static (string Fold, string Skeleton, string Vowels) FormsOf(string name)
    {
        if (Forms.TryGetValue(name, out var forms))
        {
            return forms;
        }

        var folded = ComputeFold(name);
        var (skeleton, vowels) = SkeletonOf(folded);
        forms = (folded, skeleton, vowels);
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

        var decomposed = WithoutInnerArticles(name).Normalize(NormalizationForm.FormD);
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

    /// <summary>The Arabic article inside a name, written apart, and often assimilated in transliteration.</summary>
    private static readonly HashSet<string> InnerArticles = new(["al", "el", "ad", "ar", "as", "an", "en", "at", "az", "ez", "ed", "ash", "ul"], StringComparer.OrdinalIgnoreCase);

    /// <summary>"Dayr az-Zawr", "Deir al Zour", "Deir ez-Zor": the article between two parts of a name is dropped, so
    /// each spelling folds to the same letters.</summary>
    private static string WithoutInnerArticles(string name)
    {
        var parts = name.Split([' ', '-', '\'', '\u2019'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
        {
            return name;
        }

        var sb = new StringBuilder(name.Length);
        var dropped = false;
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0 && i < parts.Length - 1 && InnerArticles.Contains(parts[i]))
            {
                dropped = true;
                continue;
            }

            sb.Append(parts[i]).Append(' ');
        }

        return dropped ? sb.ToString() : name;
    }

    private static bool StartsWithArticle(string name, string article) =>
        name.Length > article.Length && name.StartsWith(article, StringComparison.OrdinalIgnoreCase) && name[article.Length] is '-' or ' ' or '\'' or '\u2019';

    /// <summary>The consonant skeleton: "Sheenkhwar", "Shinkhwar" and "Sheen Khwar" all give "snkr".</summary>
    public static string Skeleton(string? name) => string.IsNullOrWhiteSpace(name) ? "" : FormsOf(name).Skeleton;

    /// <summary>The skeleton of an already folded name, and the kinds of its vowels between consonants (see <see cref="VowelKind"/>).</summary>
    private static (string Skeleton, string Vowels) SkeletonOf(string f)
    {
        if (f.Length == 0)
        {
            return ("", "");
        }

        // Umlauts transcribed with an e ("ue", "oe", "ae") read like the plain vowel.
        f = f.Replace("ue", "u", StringComparison.Ordinal).Replace("oe", "o", StringComparison.Ordinal).Replace("ae", "a", StringComparison.Ordinal);
        var sb = new StringBuilder(f.Length);
        var vowels = new StringBuilder(4);
        var vowelBetween = false;
        var runStart = -1;
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

            // A letter written twice counts once ("Kassoor", "Kassur"); the same consonant on both sides of a vowel is two
            // ("Dédougou", "Dedugu": d-d-g, not d-g, which would say too little to tell it from other short names).
            if (mapped is { } m && (sb.Length == 0 || sb[^1] != m || vowelBetween))
            {
                sb.Append(m);
            }

            if (mapped is not null)
            {
                vowelBetween = false;
                if (runStart >= 0)
                {
                    vowels.Append(VowelKind(f, runStart, i));
                    runStart = -1;
                }
            }
            else if (IsVowel(c))
            {
                vowelBetween = true;
                runStart = runStart < 0 ? i : runStart;
            }
        }

        if (runStart >= 0)
        {
            vowels.Append(VowelKind(f, runStart, f.Length));
        }

        return (sb.ToString(), vowels.ToString());
    }

    /// <summary>
    /// What a run of vowels sounds like, as far as spellings of one name agree: a diphthong ("ai", "ay", "ei", "ey":
    /// D), an a (A), an o or u ("o", "u", "oo", "ou", "w": U), an e or i ("e", "i", "ee", "ie": I). "Meidan" and
    /// "Maydan" are D-A both; "Kohat" and "Kahuta" (U-A, A-U-A) are not.
    /// </summary>
    private static char VowelKind(string f, int start, int end)
    {
        bool a = false, ou = false;
        for (var i = start; i < end; i++)
        {
            var c = f[i];
            if (c is 'i' or 'y' && i > start && f[i - 1] is 'a' or 'e')
            {
                return 'D';
            }

            a |= c == 'a';
            ou |= c is 'o' or 'u' or 'w';
        }

        return a ? 'A' : ou ? 'U' : 'I';
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

        // Three consonants still say little ("Kohat" and "Kahuta" are k-h-t both): then the vowels must sound alike too.
        var (_, sa, va) = FormsOf(a);
        var (_, sb, vb) = FormsOf(b);
        return sa.Length >= 3 && sa == sb && Math.Abs(fa.Length - fb.Length) <= 3 && (sa.Length > 3 || va == vb);
    }

    /// <summary>The key places are indexed by: the skeleton when it says enough, else the folded name.</summary>
    public static string IndexKey(string name)
    {
        var s = Skeleton(name);
        return s.Length >= 3 ? s : "=" + Fold(name);
    }
}
