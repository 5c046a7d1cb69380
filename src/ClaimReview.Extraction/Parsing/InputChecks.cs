using System.Globalization;
using System.Text;

namespace ClaimReview.Extraction.Parsing;

/// <summary>
/// What the import report should say about a file that is not a news article although it decodes as text: no body,
/// markup (JSON, HTML) instead of text, one character repeated. And the one rule that cleans control characters out of
/// the titles and names the extractor stores. Every check is one pass over the text.
/// </summary>
public static class InputChecks
{
    /// <summary>A run of one character at least this long is not prose (a rule of dashes is far shorter).</summary>
    private const int LongestRun = 500;

    /// <summary>Warnings for <paramref name="article"/> as parsed; empty for an ordinary article.</summary>
    public static IReadOnlyList<string> Warnings(ParsedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var warnings = new List<string>();
        var body = article.Paragraphs.Sum(p => (long)p.Text.Length);
        if (article.Paragraphs.Count == 0 || body < 40)
        {
            warnings.Add(article.Title.Length > 0 ? "no body: the file holds a title only" : "no body: the file holds no article text");
        }

        if (Markup(article.RawText) is { } markup)
        {
            warnings.Add($"looks like {markup}, not article text");
        }

        if (Repeated(article.RawText) is { } repeated)
        {
            warnings.Add(repeated);
        }

        return warnings;
    }

    /// <summary>
    /// <paramref name="text"/> without control characters (C0, C1, DEL), bidirectional overrides and isolates, zero-width
    /// spaces and byte order marks; tabs and line breaks become spaces, runs of spaces one, ends trimmed.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        while (i < text.Length && !NeedsCleaning(text[i]))
        {
            i++;
        }

        if (i == text.Length && (text.Length == 0 || (text[0] != ' ' && text[^1] != ' ')))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u0085')
            {
                if (clean.Length > 0 && clean[^1] != ' ')
                {
                    clean.Append(' ');
                }
            }
            else if (!NeedsCleaning(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString().Trim();
    }

    private static bool NeedsCleaning(char c) =>
        char.IsControl(c) || c is '\u200B' or '\uFEFF' or '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>"JSON" or "HTML" when the text is mostly markup of that kind.</summary>
    private static string? Markup(string raw)
    {
        var text = raw.AsSpan().TrimStart();
        if (text.Length == 0)
        {
            return null;
        }

        if (text[0] is '{' or '[' && text.TrimEnd()[^1] is '}' or ']' && text.Contains("\":", StringComparison.Ordinal))
        {
            return "JSON";
        }

        if (text.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            return "HTML or XML";
        }

        // Tags through the text: more than one "<letter" or "</" per 200 characters is a page's source, not its words.
        var tags = 0;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '<' && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!'))
            {
                tags++;
            }
        }

        return tags >= 5 && tags * 200 > text.Length ? "HTML or XML" : null;
    }

    /// <summary>A warning when one character fills most of the text or runs on for <see cref="LongestRun"/> characters.</summary>
    private static string? Repeated(string raw)
    {
        Span<int> ascii = stackalloc int[128];
        Dictionary<char, int>? others = null;
        var visible = 0;
        var run = 0;
        var longest = 0;
        var longestChar = ' ';
        var previous = '\0';
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c))
            {
                previous = '\0';
                run = 0;
                continue;
            }

            visible++;
            if (c < 128)
            {
                ascii[c]++;
            }
            else
            {
                others ??= [];
                others[c] = others.GetValueOrDefault(c) + 1;
            }

            run = c == previous ? run + 1 : 1;
            previous = c;
            if (run > longest)
            {
                longest = run;
                longestChar = c;
            }
        }

        if (longest >= LongestRun)
        {
            return string.Create(CultureInfo.InvariantCulture, $"one character repeated: '{Shown(longestChar)}' {longest:N0} times in a row");
        }

        if (visible < 200)
        {
            return null;
        }

        var top = '\0';
        var topCount = 0;
        for (var c = 0; c < ascii.Length; c++)
        {
            if (ascii[c] > topCount)
            {
                (top, topCount) = ((char)c, ascii[c]);
            }
        }

        foreach (var (c, n) in others ?? [])
        {
            if (n > topCount)
            {
                (top, topCount) = (c, n);
            }
        }

        return topCount * 2 > visible
            ? string.Create(CultureInfo.InvariantCulture, $"one character repeated: '{Shown(top)}' is {topCount * 100L / visible}% of the text")
            : null;
    }

    private static string Shown(char c) => char.IsControl(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : c.ToString();
}
