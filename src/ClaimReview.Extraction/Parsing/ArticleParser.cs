using System.Runtime.CompilerServices;
namespace ClaimReview.Extraction.Parsing;

/// <summary>
/// Splits a saved news page into title, outlet, published date, dateline, byline, body paragraphs and page chrome.
/// Works line by line with general rules (shape, length, punctuation, position, repetition, lexical cues); see
/// <see cref="ChromeRules"/> for what counts as chrome.
/// </summary>
public static class ArticleParser
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ParseResult Parse(string rawText)
    {
        ArgumentNullException.ThrowIfNull(rawText);
        var lines = SplitLines(rawText);
        if (lines.Count == 0)
        {
            return new ParseResult(null, new ParseError("article is empty"));
        }

        var (repeats, texts) = CountRepeats(rawText, lines);
        var kinds = new LineKind[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var text = rawText.AsSpan(lines[i].Start, lines[i].End - lines[i].Start);
            kinds[i] = ChromeRules.Classify(text, lines[i].Words, repeats[i]);
        }

        MarkAuthorBio(lines, kinds, texts);
        MarkEmbeddedPosts(lines, kinds, texts);
        MarkFooter(lines, kinds, texts);
        var (firstBody, lastBody) = BodyRange(lines, kinds);
        var titleIndex = FindTitle(lines, kinds, texts, firstBody, repeats);

        var mastheads = new List<string>();
        var copyrights = new List<string>();
        string? standards = null;
        string? bylineOutlet = null;
        string? byline = null;
        var dates = new List<(int Line, DateOnly Date, bool HasTime, DateLabel Label)>();
        var paragraphs = new List<TextSegment>();
        var boilerplate = new List<TextSegment>();

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = texts[i];
            if (i == titleIndex)
            {
                continue;
            }

            var kind = kinds[i];
            if (kind == LineKind.Text)
            {
                kind = Position(lines, kinds, texts, i, titleIndex, firstBody, lastBody);
            }

            switch (kind)
            {
                case LineKind.Text:
                    paragraphs.Add(new TextSegment(text, line.Start, line.End));
                    break;
                case LineKind.Masthead:
                    if (ChromeRules.LooksLikeName(text) && !ChromeRules.HasVerb(text) && !ChromeRules.NamesState(text))
                    {
                        mastheads.Add(ChromeRules.NameText(text));
                    }

                    boilerplate.Add(new TextSegment(text, line.Start, line.End));
                    break;
                case LineKind.Byline:
                    byline ??= ChromeRules.BylineText(text);
                    bylineOutlet ??= ChromeRules.OutletFromByline(text);
                    if (BylineDate(text) is { } bylineDate)
                    {
                        dates.Add((i, bylineDate, false, DateLabel.None));
                    }

                    boilerplate.Add(new TextSegment(text, line.Start, line.End));
                    break;
                case LineKind.PublishedDate:
                    if (DateLine.TryParse(text, out var date, out var hasTime, out var label))
                    {
                        dates.Add((i, date, hasTime, label));
                    }

                    boilerplate.Add(new TextSegment(text, line.Start, line.End));
                    break;
                default:
                    if (ChromeRules.OutletFromCopyright(text) is { } owner)
                    {
                        copyrights.Add(owner);
                    }

                    // The page's first line, a banner: "ACRONYM | Its name in full" names the site.
                    if (i == 0 && i < titleIndex && ChromeRules.BannerName(text) is { } banner)
                    {
                        mastheads.Add(banner);
                    }

                    standards ??= ChromeRules.OutletFromStandards(text);
                    boilerplate.Add(new TextSegment(text, line.Start, line.End));
                    break;
            }
        }

        if (titleIndex < 0 && paragraphs.Count == 0)
        {
            return new ParseResult(null, new ParseError("no article text: every line is page chrome (menus, share buttons, labels)"));
        }

        string? dateline = null;
        string? credit = null;
        DatelineReader.Reading? wire = null;
        if (paragraphs.Count > 0 && DatelineReader.TryRead(paragraphs[0].Text, out var place, out credit, out var reading))
        {
            dateline = place;
            wire = reading;
        }

        var outlet = ChooseOutlet(mastheads, copyrights, standards, bylineOutlet, credit);
        var published = ChoosePublished(dates, titleIndex) ?? WireDate(wire, dates, copyrights, texts);
        var title = titleIndex >= 0 ? lines[titleIndex] : default;
        return new ParseResult(
            new ParsedArticle(rawText, titleIndex >= 0 ? rawText[title.Start..title.End] : string.Empty, outlet, published, dateline, byline, paragraphs, boilerplate)
            {
                TitleStart = titleIndex >= 0 ? title.Start : -1,
            },
            null);
    }

    /// <summary>What a text line is given where it stands: above the headline, between it and the body, among the
    /// paragraphs (a crosshead), or after the last paragraph.</summary>
    private static LineKind Position(List<Line> lines, LineKind[] kinds, string[] texts, int i, int titleIndex, int firstBody, int lastBody)
    {
        var line = lines[i];
        var text = texts[i];
        if (i < titleIndex)
        {
            // Lines above the headline are the masthead, its tagline, tickers and section names.
            return LineKind.Masthead;
        }

        if (titleIndex >= 0 && i == titleIndex + 1 && IsSiteName(lines, kinds, i, text, firstBody))
        {
            // A site name right under the headline, before the date line or the body.
            return LineKind.Masthead;
        }

        var words = ChromeRules.CountWords(text);
        if (line.IsBodyLike && !(IsQuestion(line, text, words) && i > firstBody && i < lastBody))
        {
            return LineKind.Text;
        }

        var listItem = IsListItem(text);
        if (firstBody < 0)
        {
            return line.Words <= 4 ? LineKind.Chrome : LineKind.Text;
        }

        if (i > lastBody)
        {
            // After the last paragraph: related links, signatures, site names, sign-offs.
            return LineKind.Chrome;
        }

        if (i < firstBody)
        {
            // Between the headline and the body: kickers, labels, issue numbers, bylines of live teams.
            return words <= 10 && !listItem ? LineKind.Chrome : LineKind.Text;
        }

        if (!listItem && IsCrosshead(lines, kinds, texts, i, words))
        {
            return LineKind.Chrome;
        }

        return !line.IsBodyLike && line.Words <= 4 && NextToChrome(lines, kinds, i) ? LineKind.Chrome : LineKind.Text;
    }

    /// <summary>A crosshead: a short heading line inside the body (no full stop), with a paragraph right after it.</summary>
    private static bool IsCrosshead(List<Line> lines, LineKind[] kinds, string[] texts, int i, int words)
    {
        if (words > 12 || words == 0 || lines[i].HasInnerStop)
        {
            return false;
        }

        var text = texts[i].AsSpan().TrimEnd("\"'”’)» ");
        if (text.IsEmpty || text[^1] is '.' or ':' or ';' or ',')
        {
            return false;
        }

        var next = i + 1;
        return next < lines.Count && kinds[next] == LineKind.Text && lines[next].IsBodyLike;
    }

    /// <summary>One short question ("What happens next?"): a crosshead when a paragraph follows it.</summary>
    private static bool IsQuestion(Line line, string text, int words) => words <= 12 && !line.HasInnerStop && text.TrimEnd("\"'”’)» ".ToCharArray()).EndsWith('?');

    private static bool IsListItem(string text) =>
        text.Length > 1 && (text[0] is '•' or '●' or '*' or '▪' or '◦' || (text[0] is '-' or '–' or '—' && text[1] == ' '));

    /// <summary>An author's bio at the foot: a line that starts with the byline's name ("Jane Doe covers ...").</summary>
    private static void MarkAuthorBio(List<Line> lines, LineKind[] kinds, string[] texts)
    {
        var first = Array.IndexOf(kinds, LineKind.Byline);
        if (first < 0)
        {
            return;
        }

        var name = ChromeRules.BylineText(texts[first]);
        var cut = name.IndexOfAny([',', '|', '(']);
        name = (cut > 0 ? name[..cut] : name).Trim();
        var cutWith = name.IndexOf(" with ", StringComparison.OrdinalIgnoreCase);
        name = cutWith > 0 ? name[..cutWith] : name;
        cutWith = name.IndexOf(" and ", StringComparison.Ordinal);
        name = cutWith > 0 ? name[..cutWith] : name;
        if (name.Count(c => c == ' ') is < 1 or > 3 || !ChromeRules.LooksLikeName(name))
        {
            return;
        }

        for (var i = first + 1; i < lines.Count; i++)
        {
            if (kinds[i] == LineKind.Text && lines[i].Words <= 60 && texts[i].StartsWith(name + " ", StringComparison.Ordinal))
            {
                kinds[i] = LineKind.Chrome;
            }
        }
    }

    /// <summary>An embedded post: its text sits right above its credit line ("— Jane Doe (@janedoe) March 3, 2024").</summary>
    private static void MarkEmbeddedPosts(List<Line> lines, LineKind[] kinds, string[] texts)
    {
        for (var i = 1; i < lines.Count; i++)
        {
            var text = texts[i];
            if (kinds[i] != LineKind.Text && text.Length > 2 && text[0] is '—' or '–' or '-' && text.Contains("(@", StringComparison.Ordinal))
            {
                if (lines[i - 1].LineNumber >= lines[i].LineNumber - 2 && kinds[i - 1] == LineKind.Text && lines[i - 1].Words <= 60)
                {
                    kinds[i - 1] = LineKind.Chrome;
                }
            }
        }
    }

    /// <summary>The site's own notices at the foot of the page (standards, about, distribution), read from the end up
    /// to the last paragraph that is not one.</summary>
    private static void MarkFooter(List<Line> lines, LineKind[] kinds, string[] texts)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (kinds[i] != LineKind.Text || !lines[i].IsBodyLike)
            {
                continue;
            }

            if (!ChromeRules.IsFooter(texts[i]))
            {
                return;
            }

            kinds[i] = LineKind.Chrome;
        }
    }

    private static (int First, int Last) BodyRange(List<Line> lines, LineKind[] kinds)
    {
        var firstBody = -1;
        var lastBody = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (kinds[i] == LineKind.Text && lines[i].IsBodyLike)
            {
                if (firstBody < 0)
                {
                    firstBody = i;
                }

                lastBody = i;
            }
        }

        return (firstBody, lastBody);
    }

    /// <summary>The outlet: the site's name in its masthead, else the copyright owner, the standards footer, the
    /// byline's outlet, and last the dateline's credit (a wire credit on another outlet's page is only a credit). A name
    /// in capitals takes the case another source gives it, or title case.</summary>
    private static string? ChooseOutlet(List<string> mastheads, List<string> copyrights, string? standards, string? bylineOutlet, string? credit)
    {
        var outlet = mastheads.Count > 0 ? mastheads[0] : copyrights.Count > 0 ? copyrights[0] : standards ?? bylineOutlet ?? credit;
        if (outlet is null || !ChromeRules.IsCapitals(outlet))
        {
            return outlet;
        }

        foreach (var other in copyrights.Append(standards).Append(bylineOutlet))
        {
            if (other is not null && other.Equals(outlet, StringComparison.OrdinalIgnoreCase) && !ChromeRules.IsCapitals(other))
            {
                return other;
            }
        }

        return outlet.Length <= 5 && !outlet.Contains(' ', StringComparison.Ordinal) ? outlet : ChromeRules.TitleCase(outlet);
    }

    /// <summary>The publication date among the page's date lines: a line labelled as the publication; else an unlabelled
    /// date (not a clock above the headline: that is the page's render time); else the last update.</summary>
    private static DateOnly? ChoosePublished(List<(int Line, DateOnly Date, bool HasTime, DateLabel Label)> dates, int titleIndex)
    {
        DateOnly? plain = null;
        DateOnly? updated = null;
        foreach (var (line, date, hasTime, label) in dates)
        {
            switch (label)
            {
                case DateLabel.Published:
                    return date;
                case DateLabel.Updated:
                    updated ??= date;
                    break;
                default:
                    if (!(hasTime && line < titleIndex))
                    {
                        plain ??= date;
                    }

                    break;
            }
        }

        return plain ?? updated;
    }

    /// <summary>"KABUL, May 3 (Agency) -": the dateline's day, in the year the page states elsewhere (a date line or the
    /// copyright year).</summary>
    private static DateOnly? WireDate(DatelineReader.Reading? wire, List<(int Line, DateOnly Date, bool HasTime, DateLabel Label)> dates, List<string> copyrights, string[] texts)
    {
        if (wire is not { } w)
        {
            return null;
        }

        var year = 0;
        foreach (var d in dates)
        {
            year = Math.Max(year, d.Date.Year);
        }

        if (year == 0)
        {
            foreach (var text in texts)
            {
                if (text.Contains('©', StringComparison.Ordinal) || text.StartsWith("copyright", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var range in text.AsSpan().SplitAny(" ,.|·"))
                    {
                        if (Recognition.DateWords.TryYear(text.AsSpan()[range], out var y))
                        {
                            year = y;
                            break;
                        }
                    }
                }
            }
        }

        _ = copyrights;
        return year > 0 && Recognition.DateWords.TryCreate(year, w.Month, w.Day, out var date) ? date : null;
    }

    /// <summary>"By Jane Doe, 12 May 2024" or "By Jane Doe | May 12, 2024": a date at the end of a byline.</summary>
    private static DateOnly? BylineDate(string text)
    {
        for (var i = text.IndexOfAny([',', '|', '·']); i > 0; i = text.IndexOfAny([',', '|', '·'], i + 1))
        {
            if (DateLine.TryParse(text.AsSpan(i + 1).Trim(), out var date, out _, out _))
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The headline: among the text lines above the body that read as a headline (five words or more, not a
    /// name in capitals, not a sentence), the one followed by the byline, the date line or the body; a line right under
    /// the site's name is its tagline. Failing that, a shorter line; no title rather than a wrong one (-1).</summary>
    private static int FindTitle(List<Line> lines, LineKind[] kinds, string[] texts, int firstBody, int[] repeats)
    {
        var limit = firstBody < 0 ? lines.Count : firstBody;
        var best = -1;
        var bestScore = int.MinValue;
        var fallback = -1;
        var sawText = false;
        var firstText = -1;
        for (var i = 0; i < limit; i++)
        {
            var candidate = kinds[i] == LineKind.Text || (kinds[i] == LineKind.Duplicate && !sawText && repeats[i] > 1 && !lines[i].IsBodyLike);
            if (!candidate || lines[i].End - lines[i].Start > 300)
            {
                continue;
            }

            sawText = true;
            firstText = firstText < 0 ? i : firstText;
            var text = texts[i];
            var words = ChromeRules.CountWords(text);
            var nameLike = ChromeRules.IsCapitals(text) || (ChromeRules.IsAllCapitalised(text) && !ChromeRules.HasVerb(text));
            if (nameLike || text.EndsWith('.'))
            {
                continue;
            }

            if (words >= 5)
            {
                var score = (FollowedByHeader(lines, kinds, i, firstBody) ? 2 : 0) - (i > 0 && i - 1 == firstText && IsMastheadLike(texts[i - 1]) ? 2 : 0);
                if (score > bestScore)
                {
                    (best, bestScore) = (i, score);
                }
            }
            else if (fallback < 0 && words >= 2)
            {
                fallback = i;
            }
        }

        // A long line under a shorter headline is the standfirst, even when the byline follows it.
        if (best > 0 && ChromeRules.CountWords(texts[best]) > 20 && IsHeadlineCandidate(lines, kinds, texts, best - 1)
            && ChromeRules.CountWords(texts[best - 1]) < ChromeRules.CountWords(texts[best]))
        {
            return best - 1;
        }

        if (best >= 0)
        {
            return best;
        }

        if (fallback >= 0)
        {
            return fallback;
        }

        // No line above the body: a short first paragraph-like line may still be a headline.
        if (firstBody >= 0 && kinds[firstBody] == LineKind.Text && lines[firstBody].Words <= 25 && !lines[firstBody].EndsSentence
            && lines[firstBody].End - lines[firstBody].Start <= 300 && firstBody + 1 < lines.Count)
        {
            return firstBody;
        }

        return -1;
    }

    private static bool IsHeadlineCandidate(List<Line> lines, LineKind[] kinds, string[] texts, int i) =>
        kinds[i] == LineKind.Text && lines[i].End - lines[i].Start <= 300 && ChromeRules.CountWords(texts[i]) >= 5 && !texts[i].EndsWith('.')
        && !ChromeRules.IsCapitals(texts[i]) && !(ChromeRules.IsAllCapitalised(texts[i]) && !ChromeRules.HasVerb(texts[i]));

    private static bool IsMastheadLike(string text) => ChromeRules.CountWords(text) <= 5 && (ChromeRules.IsCapitals(text) || ChromeRules.LooksLikeName(text));

    /// <summary>Whether the next line that is not chrome is the byline, a date line or the first paragraph.</summary>
    private static bool FollowedByHeader(List<Line> lines, LineKind[] kinds, int i, int firstBody)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            switch (kinds[j])
            {
                case LineKind.Chrome or LineKind.Credit or LineKind.Duplicate:
                    continue;
                case LineKind.Byline or LineKind.PublishedDate:
                    return true;
                default:
                    return j == firstBody;
            }
        }

        return false;
    }

    private static bool IsSiteName(List<Line> lines, LineKind[] kinds, int i, string text, int firstBody)
    {
        if (lines[i].Words is < 1 or > 5 || lines[i].IsBodyLike || lines[i].EndsSentence || firstBody < 0 || i >= firstBody
            || !ChromeRules.LooksLikeName(text) || ChromeRules.HasVerb(text))
        {
            return false;
        }

        var next = i + 1;
        return next == firstBody || kinds[next] is not LineKind.Text;
    }

    private static bool NextToChrome(List<Line> lines, LineKind[] kinds, int i)
    {
        // Adjacent means no blank line in between.
        return (i > 0 && lines[i - 1].LineNumber == lines[i].LineNumber - 1 && IsChrome(kinds[i - 1]))
            || (i + 1 < lines.Count && lines[i + 1].LineNumber == lines[i].LineNumber + 1 && IsChrome(kinds[i + 1]));
    }

    private static bool IsChrome(LineKind kind) => kind is not (LineKind.Text or LineKind.Masthead);

    /// <summary>How often each line occurs in the page, and each line's text (made once, reused for the segments).</summary>
    private static (int[] Repeats, string[] Texts) CountRepeats(string raw, List<Line> lines)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            keys[i] = raw[lines[i].Start..lines[i].End];
            counts[keys[i]] = counts.GetValueOrDefault(keys[i]) + 1;
        }

        var result = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            result[i] = counts[keys[i]];
        }

        return (result, keys);
    }

    internal static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<Line> SplitLines(string raw)
    {
        var lines = new List<Line>();
        var start = 0;
        var number = 0;
        for (var i = 0; i <= raw.Length; i++)
        {
            if (i < raw.Length && raw[i] is not ('\n' or '\r'))
            {
                continue;
            }

            var s = start;
            var e = i;
            while (s < e && IsSpace(raw[s]))
            {
                s++;
            }

            while (e > s && IsSpace(raw[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                lines.Add(Line.Create(raw, s, e, number));
            }

            number++;
            if (i < raw.Length && raw[i] == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        return lines;
    }

    private readonly record struct Line(int Start, int End, int LineNumber, int Words, bool EndsSentence, bool HasInnerStop)
    {
        /// <summary>Looks like running text: long, or a sentence.</summary>
        public bool IsBodyLike => (Words >= 6 && EndsSentence) || Words >= 30 || (Words >= 12 && HasInnerStop);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static Line Create(string raw, int start, int end, int number)
        {
            var words = 0;
            var inWord = false;
            for (var i = start; i < end; i++)
            {
                var space = IsSpace(raw[i]);
                if (!space && !inWord)
                {
                    words++;
                }

                inWord = !space;
            }

            var last = end - 1;
            while (last > start && raw[last] is '"' or '\'' or '”' or '’' or ')' or '»')
            {
                last--;
            }

            var body = raw.AsSpan(start, last - start);
            // "2. The statement": a leading number is an enumeration, not a sentence.
            var lead = 0;
            while (lead < body.Length && lead < 3 && char.IsAsciiDigit(body[lead]))
            {
                lead++;
            }

            if (lead > 0 && lead + 1 < body.Length && body[lead] == '.' && body[lead + 1] == ' ')
            {
                body = body[(lead + 2)..];
            }

            var innerStop = body.Contains(". ", StringComparison.Ordinal) || body.Contains("? ", StringComparison.Ordinal);
            return new Line(start, end, number, words, raw[last] is '.' or '!' or '?' or ':' or '…', innerStop);
        }
    }
}
