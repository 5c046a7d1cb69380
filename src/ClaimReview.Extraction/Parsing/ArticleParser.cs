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

        var titleIndex = FindTitle(lines, kinds, firstBody, repeats);
        if (titleIndex < 0)
        {
            return new ParseResult(null, new ParseError("no recognisable title: the text does not start with a headline line"));
        }

        string? outlet = null;
        string? byline = null;
        DateOnly? published = null;
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
                var shortLine = !line.IsBodyLike && line.Words <= 4;
                if (i < titleIndex)
                {
                    // A short name line above the headline is the masthead.
                    kind = LineKind.Masthead;
                }
                else if (i == titleIndex + 1 && IsSiteName(lines, kinds, i, text, firstBody))
                {
                    // A site name right under the headline, before the date line or the body.
                    kind = LineKind.Masthead;
                }
                else if (shortLine && (firstBody < 0 || i < firstBody || i > lastBody || NextToChrome(lines, kinds, i)))
                {
                    kind = LineKind.Chrome;
                }
            }

            switch (kind)
            {
                case LineKind.Text:
                    paragraphs.Add(new TextSegment(text, line.Start, line.End));
                    break;
                case LineKind.Masthead:
                    if (outlet is null && ChromeRules.LooksLikeName(text))
                    {
                        outlet = text;
                    }

                    boilerplate.Add(new TextSegment(text, line.Start, line.End));
                    break;
                case LineKind.Byline:
                    byline ??= ChromeRules.BylineText(text);
                    outlet ??= ChromeRules.OutletFromByline(text);
                    boilerplate.Add(new TextSegment(text, line.Start, line.End));
                    break;
                case LineKind.PublishedDate:
                    published ??= DateLine.TryParse(text, out var date, out _, out _) ? date : null;
                    boilerplate.Add(new TextSegment(text, line.Start, line.End));
                    break;
                default:
                    if (kind == LineKind.Credit)
                    {
                        outlet ??= ChromeRules.OutletFromCopyright(text);
                    }

                    boilerplate.Add(new TextSegment(text, line.Start, line.End));
                    break;
            }
        }

        string? dateline = null;
        if (paragraphs.Count > 0 && DatelineReader.TryRead(paragraphs[0].Text, out var place, out var credit))
        {
            dateline = place;
            outlet ??= credit;
        }

        var title = lines[titleIndex];
        return new ParseResult(
            new ParsedArticle(rawText, rawText[title.Start..title.End], outlet, published, dateline, byline, paragraphs, boilerplate)
            {
                TitleStart = title.Start,
            },
            null);
    }

    /// <summary>The headline: the first text line of five words or more before the body starts (shorter lines above
    /// it are mastheads or section names); failing that, the first text line of two words or more.</summary>
    private static int FindTitle(List<Line> lines, LineKind[] kinds, int firstBody, int[] repeats)
    {
        var limit = firstBody < 0 ? lines.Count : firstBody;
        var fallback = -1;
        var sawText = false;
        for (var i = 0; i < limit; i++)
        {
            var candidate = kinds[i] == LineKind.Text || (kinds[i] == LineKind.Duplicate && !sawText && repeats[i] > 1 && !lines[i].IsBodyLike);
            if (!candidate || lines[i].End - lines[i].Start > 300)
            {
                continue;
            }

            sawText = true;
            if (lines[i].Words >= 5)
            {
                return i;
            }

            if (fallback < 0 && lines[i].Words >= 2)
            {
                fallback = i;
            }
        }

        if (fallback >= 0)
        {
            return fallback;
        }

        // No line above the body: a short first paragraph-like line may still be a headline.
        if (firstBody >= 0 && kinds[firstBody] == LineKind.Text && lines[firstBody].Words <= 25 && !lines[firstBody].EndsSentence
            && lines[firstBody].End - lines[firstBody].Start <= 300)
        {
            return firstBody;
        }

        return -1;
    }

    private static bool IsSiteName(List<Line> lines, LineKind[] kinds, int i, string text, int firstBody)
    {
        if (lines[i].Words is < 2 or > 4 || lines[i].IsBodyLike || lines[i].EndsSentence || firstBody < 0 || i >= firstBody
            || !ChromeRules.LooksLikeName(text) || ChromeRules.HasVerb(text))
        {
            return false;
        }

        var next = i + 1;
        return next == firstBody || kinds[next] is LineKind.PublishedDate or LineKind.Byline;
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
            var innerStop = body.Contains(". ", StringComparison.Ordinal) || body.Contains("? ", StringComparison.Ordinal);
            return new Line(start, end, number, words, raw[last] is '.' or '!' or '?' or ':' or '…', innerStop);
        }
    }
}
