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

    private static readonly string[] ChromePrefixes = Vocabulary.Words("chrome-prefixes");

    private static readonly string[] CreditPrefixes = Vocabulary.Words("credit-prefixes");

    private static readonly string[] ChromePhrases = Vocabulary.Words("chrome-phrases");

    private static readonly string[] NotePhrases = Vocabulary.Words("note-phrases");

    private static readonly string[] FooterPhrases = Vocabulary.Words("footer-phrases");

    private static readonly string[] BioRoles = Vocabulary.Words("bio-roles");

    private static readonly string[] BylineSuffixes = Vocabulary.Words("byline-suffixes");

    private static readonly WordSet BylineLeads = new(Vocabulary.Words("byline-leads"));

    private static readonly string[] OutletRoles = Vocabulary.Words("outlet-roles");

    private static readonly string[] DomainEndings = Vocabulary.Words("domain-endings");

    private static readonly WordSet HeadlineVerbs = new(Vocabulary.Words("headline-verbs"));

    private static readonly string[] StateWords = Vocabulary.Words("state-words");

    /// <summary>A letterhead naming the state ("REPUBLIC OF X"), above the office that issued the text.</summary>
    public static bool NamesState(string name) => ContainsAny(name.ToLowerInvariant(), StateWords);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static LineKind Classify(ReadOnlySpan<char> line, int words, int repeats)
    {
        // Every date line is a candidate; ArticleParser decides by label and position which one is the publication date.
        if (DateLine.TryParse(line, out _, out _, out _))
        {
            return LineKind.PublishedDate;
        }

        // A clock on its own line: a live blog's entry time, a "last updated" stamp.
        if (DateLine.IsClock(line))
        {
            return LineKind.Chrome;
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
        if (StartsWithAny(lower, CreditPrefixes))
        {
            return LineKind.Credit;
        }

        if (StartsWithAny(lower, ChromePrefixes) || ContainsAny(lower, ChromePhrases) || (words <= 25 && ContainsAny(lower, NotePhrases)))
        {
            return LineKind.Chrome;
        }

        if (IsByline(line, words))
        {
            return LineKind.Byline;
        }

        if (IsBio(line, words) || IsNavigation(line) || IsTagList(line, words) || IsLinkSoup(line) || IsMediaTag(line)
            || IsEditorialNote(line, words) || IsReference(line, words) || IsCapitalNotice(line, words) || IsPostCredit(line, words)
            || (words <= 15 && HasDomain(line)))
        {
            return LineKind.Chrome;
        }

        return repeats > 1 && words >= 3 ? LineKind.Duplicate : LineKind.Text;
    }

    /// <summary>A body-like line at the foot of the page that is the site's own notice: standards, about, distribution.</summary>
    public static bool IsFooter(string line)
    {
        var lower = line.ToLowerInvariant();
        return ContainsAny(lower, FooterPhrases) || line.Contains(" | ", StringComparison.Ordinal);
    }

    private static bool StartsWithAny(ReadOnlySpan<char> lower, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<char> lower, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (lower.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words of a line, without the separators and symbols pages put between them.</summary>
    public static int CountWords(ReadOnlySpan<char> line)
    {
        var count = 0;
        foreach (var range in line.SplitAny(" \t\u00a0"))
        {
            foreach (var c in line[range])
            {
                if (char.IsLetterOrDigit(c))
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }

    /// <summary>Mostly capital letters: a letterhead, a section label, a notice in capitals.</summary>
    public static bool IsCapitals(ReadOnlySpan<char> line)
    {
        int upper = 0, letters = 0;
        foreach (var c in line)
        {
            if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
            }
        }

        return letters >= 4 && upper * 10 >= letters * 8;
    }

    /// <summary>A line whose words are all capitalised (numbers and symbols aside): a name rather than a sentence.</summary>
    public static bool IsAllCapitalised(ReadOnlySpan<char> line)
    {
        var any = false;
        foreach (var range in line.SplitAny(" \t\u00a0"))
        {
            var word = line[range].TrimStart("\"'‘“(«");
            if (word.IsEmpty || !char.IsLetter(word[0]))
            {
                continue;
            }

            if (!char.IsUpper(word[0]))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>A short line of capitalised words (numbers allowed after the first), such as a site name.</summary>
    public static bool LooksLikeName(string text)
    {
        var words = NameText(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 5 || !char.IsLetter(words[0][0]))
        {
            return false;
        }

        foreach (var word in words)
        {
            if (!(char.IsUpper(word[0]) || word.All(char.IsDigit) || word is "&" or "of" or "the" or "and" or "de" or "du" or "des"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The name in a masthead line, without the symbols around it ("☰ DAILY POST ⚡").</summary>
    public static string NameText(string text)
    {
        var s = 0;
        var e = text.Length;
        while (s < e && !char.IsLetterOrDigit(text[s]))
        {
            s++;
        }

        while (e > s && !char.IsLetterOrDigit(text[e - 1]) && text[e - 1] is not ('.' or ')'))
        {
            e--;
        }

        return string.Join(' ', text[s..e].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Whether a short title-case line reads as a headline (a verb) rather than a site's name.</summary>
    public static bool HasVerb(string text)
    {
        foreach (var range in text.AsSpan().SplitAny(" \t\u00a0"))
        {
            var word = text.AsSpan()[range].Trim("\"'‘’“”:,;.!?()");
            if (HeadlineVerbs.Contains(word)
                || (word.Length > 4 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
                || (word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && char.IsLower(word[0])))
            {
                return true;
            }
        }

        return false;
    }

    public static string BylineText(string line)
    {
        var text = line;
        var by = text.IndexOf("by ", StringComparison.OrdinalIgnoreCase);
        if (by >= 0 && (by == 0 || text[by - 1] == ' ') && by < 25)
        {
            text = text[(by + 3)..].Trim();
        }

        return text.TrimEnd(',', '|', ' ');
    }

    /// <summary>"New Age Islam Special Correspondent" names its outlet before the role; "By X, Reuters" after a comma.</summary>
    public static string? OutletFromByline(string line)
    {
        var lower = line.ToLowerInvariant();
        foreach (var role in OutletRoles)
        {
            var at = lower.LastIndexOf(" " + role, StringComparison.Ordinal);
            if (at > 0 && at + role.Length + 1 == lower.Length && !lower.StartsWith("by ", StringComparison.Ordinal))
            {
                var name = line[..at].Trim();
                return LooksLikeName(name) ? name : null;
            }
        }

        var comma = line.LastIndexOf(',');
        if (lower.StartsWith("by ", StringComparison.Ordinal) && comma > 0)
        {
            var name = line[(comma + 1)..].Trim();
            return LooksLikeName(name) && !ContainsAny(name.ToLowerInvariant(), BioRoles) && !ContainsAny(name.ToLowerInvariant(), BylineSuffixes) ? name : null;
        }

        return null;
    }

    /// <summary>"© 2024 The Frontier Post", "Copyright 2024 Dawn. All rights reserved." or "Daily Post © 2024 | About"
    /// name the outlet; of "ABC – Agency of Broadcasting" the spelled-out name.</summary>
    public static string? OutletFromCopyright(string line)
    {
        var lower = line.ToLowerInvariant();
        var mark = lower.IndexOf('©');
        var markLength = 1;
        if (mark < 0 && lower.StartsWith("copyright", StringComparison.Ordinal))
        {
            (mark, markLength) = (0, 9);
        }
        else if (mark < 0 && lower.StartsWith("(c) ", StringComparison.Ordinal))
        {
            (mark, markLength) = (0, 3);
        }

        if (mark < 0)
        {
            return null;
        }

        var after = NameAt(line[(mark + markLength)..]);
        if (after is not null)
        {
            return after;
        }

        // The name before the mark: "Daily Post © 2024".
        var before = line[..mark];
        var cut = Math.Max(before.LastIndexOf('|'), Math.Max(before.LastIndexOf('·'), before.LastIndexOf('.')));
        return NameAt(before[(cut + 1)..]);
    }

    private static string? NameAt(string text)
    {
        var words = new List<string>();
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Equals("copyright", StringComparison.OrdinalIgnoreCase) || raw is "©" or "(c)" or "-" or "–" && words.Count == 0
                || (raw.TrimEnd(',', '.').All(char.IsDigit) && words.Count == 0))
            {
                continue;
            }

            var stop = raw.IndexOfAny([',', '.', '|', '·', '(', ';']);
            var word = stop < 0 ? raw : raw[..stop];
            if (word.Length > 0)
            {
                if ((word.All(char.IsDigit) && (words.Count == 0 || word.Length == 4)) || word is "All" || !(char.IsUpper(word[0]) || char.IsDigit(word[0]) || word is "&" or "–" or "—" or "-" or "of" or "de" or "du" or "des" or "and"))
                {
                    break;
                }

                words.Add(word);
            }

            if (stop >= 0)
            {
                break;
            }
        }

        // "ABC – Agency of Broadcasting": the spelled-out name.
        var dash = words.FindIndex(w => w is "–" or "—" or "-");
        if (dash == 1 && words[0].All(char.IsUpper) && words.Count > 2)
        {
            words.RemoveRange(0, 2);
        }
        else if (dash >= 0)
        {
            words.RemoveRange(dash, words.Count - dash);
        }

        while (words.Count > 0 && words[^1] is "of" or "de" or "du" or "des" or "and" or "&")
        {
            words.RemoveAt(words.Count - 1);
        }

        return words.Count is > 0 and <= 6 ? string.Join(' ', words) : null;
    }

    /// <summary>"Jane Doe editorial standards apply" or "Daily Post's standards": the outlet named by its standards footer.</summary>
    public static string? OutletFromStandards(string line)
    {
        var at = line.IndexOf(" editorial standards", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            at = line.IndexOf("’s standards", StringComparison.OrdinalIgnoreCase);
            at = at < 0 ? line.IndexOf("'s standards", StringComparison.OrdinalIgnoreCase) : at;
        }

        if (at <= 0)
        {
            return null;
        }

        var name = NameText(line[..at]);
        return LooksLikeName(name) ? name : null;
    }

    /// <summary>A name in capitals in the case a reader expects: "THE DAILY POST" is "The Daily Post".</summary>
    public static string TitleCase(string name)
    {
        if (!IsCapitals(name))
        {
            return name;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i].ToLowerInvariant();
            words[i] = i > 0 && w is "of" or "the" or "and" or "for" or "de" or "du" or "des" or "in" or "on" ? w : char.ToUpperInvariant(w[0]) + w[1..];
        }

        return string.Join(' ', words);
    }

    /// <summary>The line without the symbols around it ("☰ Menu", "Related »").</summary>
    private static ReadOnlySpan<char> TrimDecorations(ReadOnlySpan<char> line)
    {
        var s = 0;
        var e = line.Length;
        while (s < e && !char.IsLetterOrDigit(line[s]) && line[s] is not ('"' or '\'' or '“' or '‘' or '('))
        {
            s++;
        }

        while (e > s && !char.IsLetterOrDigit(line[e - 1]) && line[e - 1] is not ('"' or '\'' or '”' or '’' or ')' or '.' or '?' or '!'))
        {
            e--;
        }

        return line[s..e];
    }

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
        if (words > 12 || words < 2 || EndsWithSentence(line))
        {
            return false;
        }

        if (line.StartsWith("By ", StringComparison.OrdinalIgnoreCase) && line.Length > 3 && char.IsUpper(line[3]))
        {
            return words <= 10;
        }

        // "Live coverage by Jane Doe and John Roe", "Written by Jane Doe".
        var by = line.IndexOf(" by ", StringComparison.OrdinalIgnoreCase);
        if (by > 0 && by + 4 < line.Length && char.IsUpper(line[by + 4]) && BylineLeads.Contains(LastWords(line[..by])))
        {
            return true;
        }

        var bare = line.TrimEnd('.');
        if (words > 10)
        {
            return false;
        }

        foreach (var suffix in BylineSuffixes)
        {
            if (bare.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && bare.Length > suffix.Length
                && bare[^(suffix.Length + 1)] == ' ')
            {
                return char.IsUpper(line[0]);
            }
        }

        // "Jane Doe live team, Nairobi": a team byline with its places.
        var comma = bare.IndexOf(',');
        if (comma > 0 && words <= 8)
        {
            var head = bare[..comma].TrimEnd();
            foreach (var suffix in BylineSuffixes)
            {
                if (head.EndsWith(" " + suffix, StringComparison.OrdinalIgnoreCase) && char.IsUpper(line[0]) && suffix.Contains(' ', StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The last one or two words of <paramref name="text"/>, whichever is a byline lead ("Live coverage").</summary>
    private static ReadOnlySpan<char> LastWords(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        var space = text.LastIndexOf(' ');
        if (space < 0)
        {
            return text;
        }

        var two = text[(text[..space].LastIndexOf(' ') + 1)..];
        return BylineLeads.Contains(two) ? two : text[(space + 1)..];
    }

    /// <summary>"Jane Doe is a correspondent covering ..." at most ~60 words, a role word early on.</summary>
    private static bool IsBio(ReadOnlySpan<char> line, int words)
    {
        if (words > 60 || words < 4)
        {
            return false;
        }

        var head = line[..Math.Min(line.Length, 120)];
        var isAt = head.IndexOf(" is a", StringComparison.OrdinalIgnoreCase);
        if (isAt < 0)
        {
            isAt = head.IndexOf(" is the", StringComparison.OrdinalIgnoreCase);
        }

        if (isAt < 0)
        {
            isAt = head.IndexOf(" writes ", StringComparison.Ordinal);
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

    /// <summary>A site's banner: a short name, one bar, and a longer description ("MONITOR | Monitoring armed groups in
    /// the region"); the short name, or null for any other line (a menu has several short items).</summary>
    public static string? BannerName(string text)
    {
        var bar = text.IndexOf(" | ", StringComparison.Ordinal);
        if (bar <= 0 || text.IndexOf(" | ", bar + 3, StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        var name = NameText(text[..bar]);
        var rest = text.AsSpan(bar + 3);
        return CountWords(name) is >= 1 and <= 4 && CountWords(rest) >= 4 && !EndsWithSentence(rest) && LooksLikeName(name) && !HasVerb(name) ? name : null;
    }

    /// <summary>Menus and breadcrumbs: short items between separators ("Home | World | Asia", "News   Sport   Opinion").</summary>
    private static bool IsNavigation(ReadOnlySpan<char> line)
    {
        if (EndsWithSentence(line))
        {
            return false;
        }

        var words = CountWords(line);
        var separators = 0;
        foreach (var separator in (ReadOnlySpan<string>)[" | ", " > ", " › ", " • ", " · ", " ● ", "   ", "\t"])
        {
            separators += line.Count(separator);
        }

        if (separators == 0)
        {
            return false;
        }

        // A ticker: headlines between bullets.
        if (line.Count(" ● ") + line.Count(" • ") >= 2)
        {
            return true;
        }

        // A long menu has many short items; a sentence with one separator in it is not a menu.
        return words <= 14 || (separators >= 3 && words <= separators * 4);
    }

    /// <summary>"[Image] A burnt car in the market square.": a media placeholder and its caption.</summary>
    private static bool IsMediaTag(ReadOnlySpan<char> line)
    {
        if (line.Length < 3 || line[0] != '[')
        {
            return false;
        }

        var close = line.IndexOf(']');
        return close is > 1 and <= 16;
    }

    /// <summary>A note in brackets on a line of its own: "(Unofficial translation. The original text prevails.)".</summary>
    private static bool IsEditorialNote(ReadOnlySpan<char> line, int words) =>
        words <= 40 && line.Length > 2 && line[0] == '(' && line.TrimEnd('.')[^1] == ')' && line.IndexOf(')') >= line.Length - 2;

    /// <summary>The credit under an embedded post: "— Jane Doe (@janedoe) March 3, 2024".</summary>
    private static bool IsPostCredit(ReadOnlySpan<char> line, int words) => words <= 15 && line.Contains("(@", StringComparison.Ordinal);

    /// <summary>A reference line: a short line with a file code such as "PR-214/2025" or "0412/SEC/2025".</summary>
    private static bool IsReference(ReadOnlySpan<char> line, int words)
    {
        if (words > 8)
        {
            return false;
        }

        foreach (var range in line.Split(' '))
        {
            var token = line[range];
            if (token.Contains('/') && token.IndexOfAnyInRange('0', '9') >= 0 && token.IndexOfAnyInRange('A', 'Z') >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sentences written in capitals ("THIS IS A RUSH TRANSCRIPT."): a notice, not a paragraph.</summary>
    private static bool IsCapitalNotice(ReadOnlySpan<char> line, int words) => words is >= 6 and <= 30 && EndsWithSentence(line) && IsCapitals(line);

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

    public static bool EndsWithSentence(ReadOnlySpan<char> line)
    {
        var t = line.TrimEnd("\"'”’)» ");
        return !t.IsEmpty && t[^1] is '.' or '!' or '?';
    }
}
