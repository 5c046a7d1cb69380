using System.Runtime.CompilerServices;
using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction.Parsing;

/// <summary>
/// Line-level rules for page chrome: navigation and section names, size pickers, share buttons, tag lists,
/// "Related:" links, subscription pleas, advertisements, photo captions (and any line printed twice), author bios,
/// reporting credits, bylines, date lines, footer link soup. Each rule looks at the shape of the line or at words
/// that only chrome uses; none names a particular site.
/// </summary>
internal static class ChromeRules
{
    private static readonly WordSet NavPhrases = new(Vocabulary.Words("nav-phrases"));

    private static readonly WordSet SizePickerWords = new(Vocabulary.Words("size-picker-words"), StringComparer.Ordinal);

    private static readonly WordSet ShareWords = new(Vocabulary.Words("share-words"));

    private static readonly string[] ChromePrefixes =
    [
        "related:", "related -", "related stories:", "read more", "read also", "also read", "see also", "more:",
        "recommended:", "tags:", "tag:", "topics:", "keywords:", "filed under", "photo:", "photos:", "image:",
        "picture:", "file photo", "file-", "file -", "file:", "file–", "caption:", "credit:", "(photo", "photo credit",
        "follow us", "follow him", "follow her", "click here", "sign up", "subscribe", "dear reader", "support our",
        "advertisement", "share this", "share on", "about the author", "the writer is", "the author is",
        "(the writer", "(the author", "listen to this", "watch:", "video:", "don't miss", "trending:",
    ];

    private static readonly string[] CreditPrefixes =
    [
        "copyright", "©", "(c) ", "all rights reserved", "reporting by", "additional reporting", "writing by",
        "editing by", "edited by", "compiled by", "with inputs from", "(with inputs", "(reporting by",
        "(additional reporting", "(editing by", "(writing by", "this story was", "this article was",
        "a version of this", "this story has been", "this article has been",
    ];

    private static readonly string[] ChromeContains =
    [
        "subscribe today", "subscribing", "paywall", "newsletter", "all rights reserved", "getty images", "(ap photo",
        "ap photo/", "afp via getty", "/reuters", "reuters/", "click here", "sign up for", "cookie policy",
        "enable javascript", "scroll to continue", "support independent journalism", "become a member",
        "share this article", "share on facebook", "share on twitter",
    ];

    private static readonly string[] BioRoles =
    [
        "correspondent", "reporter", "journalist", "writer", "editor", "analyst", "fellow", "contributor",
        "columnist", "author", "researcher", "freelance", "producer", "bureau chief",
    ];

    private static readonly string[] BylineSuffixes =
    [
        "correspondent", "reporter", "staff writer", "bureau", "desk", "news service", "news network", "staff",
        "news agencies", "agencies",
    ];

    private static readonly string[] DomainEndings = [".com", ".org", ".net", ".in", ".pk", ".co.uk", ".info", ".news", ".tv", ".io"];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static LineKind Classify(ReadOnlySpan<char> line, int words, int repeats)
    {
        if (DateLine.TryParse(line, out _, out var hasTime, out var label))
        {
            return label switch
            {
                DateLabel.Published => LineKind.PublishedDate,
                DateLabel.Updated => LineKind.Chrome,
                // An unlabelled clock with a date is the page's render time, not the story's date.
                _ => hasTime ? LineKind.Chrome : LineKind.PublishedDate,
            };
        }

        var trimmed = TrimDecorations(line);
        if (NavPhrases.Contains(trimmed))
        {
            return LineKind.Chrome;
        }

        if (IsSizePicker(line) || IsShareLine(line, words))
        {
            return LineKind.Chrome;
        }

        // Cues are matched on a lower-cased copy: ordinal search is fast, case-insensitive search on non-ASCII text is not.
        Span<char> buffer = line.Length <= 512 ? stackalloc char[line.Length] : new char[line.Length];
        line.ToLowerInvariant(buffer);
        ReadOnlySpan<char> lower = buffer;
        foreach (var prefix in CreditPrefixes)
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                return LineKind.Credit;
            }
        }

        foreach (var prefix in ChromePrefixes)
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                return LineKind.Chrome;
            }
        }

        foreach (var cue in ChromeContains)
        {
            if (lower.Contains(cue, StringComparison.Ordinal))
            {
                return LineKind.Chrome;
            }
        }

        if (IsByline(line, words))
        {
            return LineKind.Byline;
        }

        if (IsBio(line, words) || IsNavigation(line, words) || IsTagList(line, words) || IsLinkSoup(line)
            || (words <= 15 && HasDomain(line)))
        {
            return LineKind.Chrome;
        }

        return repeats > 1 && words >= 3 ? LineKind.Duplicate : LineKind.Text;
    }

    /// <summary>A short line of capitalised words without digits, such as a site name.</summary>
    public static bool LooksLikeName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 5)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (!char.IsUpper(word[0]) || word.Any(char.IsDigit))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> HeadlineVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "be", "has", "have", "had", "says", "said", "claims", "claimed", "kill", "kills",
        "killed", "dies", "die", "died", "attack", "attacks", "attacked", "warns", "denies", "rejects", "vows", "seeks",
        "storm", "storms", "strike", "strikes", "hit", "hits", "announces", "declares", "calls", "urges", "launches",
    };

    /// <summary>Whether a short title-case line reads as a headline (a verb) rather than a site's name.</summary>
    public static bool HasVerb(string text)
    {
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan()[range];
            if (HeadlineVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
                || (word.Length > 4 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    public static string BylineText(string line)
    {
        var text = line.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? line[3..].Trim() : line;
        return text.TrimEnd(',', '|', ' ');
    }

    /// <summary>"New Age Islam Special Correspondent" names its outlet before the role; "By X, Reuters" after a comma.</summary>
    public static string? OutletFromByline(string line)
    {
        var lower = line.ToLowerInvariant();
        foreach (var role in new[] { " special correspondent", " staff correspondent", " correspondent", " staff reporter", " staff writer", " news desk", " web desk", " bureau" })
        {
            var at = lower.LastIndexOf(role, StringComparison.Ordinal);
            if (at > 0 && at + role.Length == lower.Length && !lower.StartsWith("by ", StringComparison.Ordinal))
            {
                var name = line[..at].Trim();
                return LooksLikeName(name) ? name : null;
            }
        }

        var comma = line.LastIndexOf(',');
        if (lower.StartsWith("by ", StringComparison.Ordinal) && comma > 0)
        {
            var name = line[(comma + 1)..].Trim();
            return LooksLikeName(name) ? name : null;
        }

        return null;
    }

    /// <summary>"© 2024 The Frontier Post" or "Copyright 2024 Dawn. All rights reserved." name the outlet.</summary>
    public static string? OutletFromCopyright(string line)
    {
        var lower = line.ToLowerInvariant();
        if (!(lower.StartsWith("copyright", StringComparison.Ordinal) || lower.StartsWith('©') || lower.StartsWith("(c) ", StringComparison.Ordinal)))
        {
            return null;
        }

        var words = line.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(w => w.Equals("copyright", StringComparison.OrdinalIgnoreCase) || w is "©" or "(c)" || w.All(char.IsDigit) || w is "-" or "–")
            .TakeWhile(w => char.IsUpper(w[0]) && !w.Equals("All", StringComparison.Ordinal))
            .ToArray();
        return words.Length is > 0 and <= 5 ? string.Join(' ', words) : null;
    }

    private static ReadOnlySpan<char> TrimDecorations(ReadOnlySpan<char> line) =>
        line.Trim().TrimEnd(":»›>|•·").TrimStart("«‹<|•·").Trim();

    private static bool IsSizePicker(ReadOnlySpan<char> line)
    {
        var count = 0;
        foreach (var range in line.SplitAny(" \t/|"))
        {
            var word = line[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (!SizePickerWords.Contains(word))
            {
                return false;
            }

            count++;
        }

        // A lone "A" or "S" line is too ambiguous; a lone "XS" or "LG" is not.
        return count >= 2 || (count == 1 && line.Trim().Length >= 2);
    }

    private static bool IsShareLine(ReadOnlySpan<char> line, int words)
    {
        if (words > 8)
        {
            return false;
        }

        var any = false;
        foreach (var range in line.SplitAny(" \t|/•·,"))
        {
            var word = line[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (!ShareWords.Contains(word))
            {
                return false;
            }

            any = true;
        }

        return any && words >= 2;
    }

    private static bool IsByline(ReadOnlySpan<char> line, int words)
    {
        if (words > 10 || words < 2)
        {
            return false;
        }

        if (line.StartsWith("By ", StringComparison.OrdinalIgnoreCase) && line.Length > 3 && char.IsUpper(line[3]))
        {
            return true;
        }

        var bare = line.TrimEnd('.');
        foreach (var suffix in BylineSuffixes)
        {
            if (bare.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && bare.Length > suffix.Length
                && bare[^(suffix.Length + 1)] == ' ' && !EndsWithSentence(line))
            {
                return char.IsUpper(line[0]);
            }
        }

        return false;
    }

    /// <summary>"Jane Doe is a correspondent covering ..." at most ~60 words, a role word early on.</summary>
    private static bool IsBio(ReadOnlySpan<char> line, int words)
    {
        if (words > 60 || words < 4)
        {
            return false;
        }

        var head = line[..Math.Min(line.Length, 120)];
        var isAt = head.IndexOf(" is a", StringComparison.Ordinal);
        if (isAt < 0)
        {
            isAt = head.IndexOf(" is the", StringComparison.Ordinal);
        }

        if (isAt <= 0 || !char.IsUpper(line[0]))
        {
            return line.Contains("can be reached at", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("He tweets", StringComparison.Ordinal) || line.StartsWith("She tweets", StringComparison.Ordinal);
        }

        // The subject is a name: two to four capitalised words.
        var subject = line[..isAt];
        var names = 0;
        foreach (var range in subject.Split(' '))
        {
            var word = subject[range];
            if (word.IsEmpty || !char.IsUpper(word[0]))
            {
                return false;
            }

            names++;
        }

        if (names is < 2 or > 4)
        {
            return false;
        }

        var rest = head[isAt..];
        foreach (var role in BioRoles)
        {
            if (rest.Contains(role, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNavigation(ReadOnlySpan<char> line, int words)
    {
        if (words > 14 || EndsWithSentence(line))
        {
            return false;
        }

        return line.Contains(" | ", StringComparison.Ordinal) || line.Contains(" > ", StringComparison.Ordinal)
            || line.Contains(" › ", StringComparison.Ordinal) || line.Contains(" • ", StringComparison.Ordinal)
            || line.Contains(" · ", StringComparison.Ordinal);
    }

    /// <summary>"islamic state, iraq, syria, ISIS, IS": three or more short comma-separated items, no sentence.</summary>
    private static bool IsTagList(ReadOnlySpan<char> line, int words)
    {
        if (words > 30 || EndsWithSentence(line))
        {
            return false;
        }

        var items = 0;
        foreach (var range in line.Split(','))
        {
            var item = line[range].Trim();
            if (item.IsEmpty)
            {
                return false;
            }

            var itemWords = item.Count(' ') + 1;
            if (itemWords > 3 || item.ContainsAny(".:;!?\"“”"))
            {
                return false;
            }

            items++;
        }

        return items >= 3;
    }

    /// <summary>Link lists pasted without separators: "New Age IslamIslam OnlineIslamic Website...".</summary>
    private static bool IsLinkSoup(ReadOnlySpan<char> line)
    {
        if (line.Contains(". ", StringComparison.Ordinal))
        {
            return false;
        }

        var joins = 0;
        for (var i = 1; i < line.Length; i++)
        {
            if (char.IsLower(line[i - 1]) && char.IsUpper(line[i]))
            {
                joins++;
            }
        }

        return joins >= 3;
    }

    private static bool HasDomain(ReadOnlySpan<char> line)
    {
        foreach (var ending in DomainEndings)
        {
            var at = line.IndexOf(ending, StringComparison.OrdinalIgnoreCase);
            if (at > 0 && char.IsLetterOrDigit(line[at - 1])
                && (at + ending.Length == line.Length || !char.IsLetter(line[at + ending.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithSentence(ReadOnlySpan<char> line)
    {
        var t = line.TrimEnd("\"'”’)» ");
        return !t.IsEmpty && t[^1] is '.' or '!' or '?';
    }
}
