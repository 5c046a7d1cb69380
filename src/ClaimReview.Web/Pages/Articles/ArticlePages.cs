namespace ClaimReview.Web.Pages.Articles;

/// <summary>
/// Cuts a long article into pages of bounded size, so that one huge file never makes a page of megabytes (issue 12).
/// A page is a range of the raw text; together the ranges cover it from the first character to the last, so every
/// quote, mention and highlight, in the body or in the page chrome, falls on exactly one page: the one holding its
/// first character. A page weighs its characters plus <see cref="SpanWeight"/> for each marked span starting on it
/// (a mention costs far more HTML than its letters), at most <see cref="Budget"/>. Pages end where a segment (a
/// paragraph or a piece of chrome) starts, unless that leaves a page less than half full; a segment too big for one
/// page is cut at a space outside any marked span where there is one. An article within the budget, as every real one is, is one page.
/// </summary>
public static class ArticlePages
{
    public const int Budget = 40_000;

    public const int SpanWeight = 100;

    /// <summary>How far back from the budget's end a cut inside a segment looks for a space.</summary>
    private const int SpaceLookBack = 2_000;

    public readonly record struct Range(int Start, int End)
    {
        public bool Contains(int offset) => offset >= Start && offset < End;

        public bool Overlaps(int start, int end) => end > Start && start < End;
    }

    /// <summary>
    /// The pages of <paramref name="raw"/> (its text is read only to find spaces).
    /// <paramref name="cuts"/> are the segments' starts; <paramref name="spans"/> the marked spans (start, end).
    /// </summary>
    public static IReadOnlyList<Range> Split(string raw, IEnumerable<int> cuts, IEnumerable<(int Start, int End)> spans, int budget = Budget)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var length = raw.Length;
        var starts = spans.Select(s => s.Start).Order().ToArray();
        var sortedSpans = spans.Where(s => s.End > s.Start).OrderBy(s => s.Start).ToArray();
        var sortedStarts = sortedSpans.Select(s => s.Start).ToArray();
        var segmentStarts = cuts.Where(c => c > 0 && c < length).Distinct().Order().ToArray();

        // Characters plus the weight of the spans starting in [from, to).
        long Weight(int from, int to) => to - from + (long)SpanWeight * (LowerBound(starts, to) - LowerBound(starts, from));

        var pages = new List<Range>();
        var position = 0;
        while (position < length)
        {
            if (Weight(position, length) <= budget)
            {
                pages.Add(new Range(position, length));
                break;
            }
            var end = -1;
            for (var i = UpperBound(segmentStarts, position); i < segmentStarts.Length && Weight(position, segmentStarts[i]) <= budget; i++)
            {
                end = segmentStarts[i];
            }
            // A page less than half full before a segment too big for it is filled from that segment instead.
            if (end < 0 || Weight(position, end) < budget / 2)
            {
                end = CutInside(raw, position, sortedSpans, sortedStarts, budget, Weight);
            }
            pages.Add(new Range(position, end));
            position = end;
        }
        if (pages.Count == 0)
        {
            pages.Add(new Range(0, length));
        }
        return pages;
    }

    /// <summary>The page holding <paramref name="offset"/> (1-based); an offset past the end is on the last page.</summary>
    public static int PageOf(IReadOnlyList<Range> pages, int offset)
    {
        ArgumentNullException.ThrowIfNull(pages);
        for (var i = 0; i < pages.Count; i++)
        {
            if (offset < pages[i].End)
            {
                return i + 1;
            }
        }
        return pages.Count;
    }

    /// <summary>Inside one segment: as far as the budget allows, back to a space, then back out of any span that starts on this page.</summary>
    private static int CutInside(string raw, int from, (int Start, int End)[] spans, int[] spanStarts, int budget, Func<int, int, long> weight)
    {
        // The largest end within the budget (the weight grows with the end), at least one character on.
        int low = from + 1, high = Math.Min(raw.Length, from + budget);
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (weight(from, middle) <= budget)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        var end = low;
        for (var at = end; at > Math.Max(from + 1, end - SpaceLookBack); at--)
        {
            if (char.IsWhiteSpace(raw[at - 1]))
            {
                end = at;
                break;
            }
        }
        // A span that starts on this page and crosses the end moves the end to its start (spans starting earlier are cut anyway).
        var first = UpperBound(spanStarts, from);
        var moved = true;
        while (moved)
        {
            moved = false;
            for (var i = first; i < spans.Length && spans[i].Start < end; i++)
            {
                if (spans[i].End > end)
                {
                    end = spans[i].Start;
                    moved = true;
                    break;
                }
            }
        }
        return end;
    }

    /// <summary>The number of values below <paramref name="value"/> in a sorted array.</summary>
    private static int LowerBound(int[] sorted, int value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>The number of values at or below <paramref name="value"/> in a sorted array.</summary>
    private static int UpperBound(int[] sorted, int value) => LowerBound(sorted, value + 1);
}
