using System.Globalization;
using ClaimReview.Extraction.Events;

namespace ClaimReview.Web.Charts;

/// <summary>
/// Lays events out on a scaled date axis for an SVG drawn by the server: a day is a point, a range, a month or a year is
/// a bar as long as the period; marks are packed into lanes so that no two marks or labels overlap. Pure and deterministic.
/// </summary>
public static class TimelineChart
{
    public const double Width = 1000;
    public const double AxisHeight = 34;
    public const double LaneHeight = 24;
    public const int MaxLabel = 42;
    private const double Margin = 16;
    private const double CharWidth = 6.4;
    private const double MinBar = 6;

    /// <summary>One event to draw: its first and last day, how precisely that is known, and whether it stood in for a missing date.</summary>
    public sealed record Item(long Id, string Label, string Title, DateOnly Start, DateOnly End, DatePrecision Precision, bool Undated);

    /// <summary>Where one item is drawn: a point (x) or a bar (x, width) on lane y, its label at labelX anchored start or end.</summary>
    public sealed record Mark(Item Item, double X, double BarWidth, double Y, bool IsPoint, double LabelX, bool LabelBefore, string Label);

    public sealed record Tick(double X, string Label);

    public sealed record Chart(double Height, IReadOnlyList<Tick> Ticks, IReadOnlyList<Mark> Marks, DateOnly? First, DateOnly? Last)
    {
        public double Width => TimelineChart.Width;
    }

    /// <summary>An event's drawn period from its stored date, end and precision: a month covers the month, a year the year.</summary>
    public static (DateOnly Start, DateOnly End) Period(DateOnly date, DateOnly? end, DatePrecision? precision) => precision switch
    {
        DatePrecision.Month => (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)),
        DatePrecision.Year => (new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31)),
        DatePrecision.Range when end is { } e && e > date => (date, e),
        _ => (date, date),
    };

    public static Chart Layout(IReadOnlyList<Item> items)
    {
        if (items.Count == 0)
        {
            return new Chart(AxisHeight, [], [], null, null);
        }
        var first = items.Min(i => i.Start);
        var last = items.Max(i => i.End).AddDays(1);
        var span = last.DayNumber - first.DayNumber;
        if (span < 30)
        {
            // A short stretch is drawn as a month at least, centred, so single days do not spread across the page.
            var pad = (30 - span + 1) / 2;
            first = first.AddDays(-pad);
            last = last.AddDays(pad);
            span = last.DayNumber - first.DayNumber;
        }
        double X(DateOnly d) => Margin + (d.DayNumber - first.DayNumber) * (Width - 2 * Margin) / span;

        var laneEnds = new List<double>();
        var marks = new List<Mark>(items.Count);
        foreach (var item in items.OrderBy(i => i.Start).ThenBy(i => i.End).ThenBy(i => i.Id))
        {
            var isPoint = item.Start == item.End && item.Precision is DatePrecision.Day or DatePrecision.Range;
            var x = isPoint ? X(item.Start) + (X(item.Start.AddDays(1)) - X(item.Start)) / 2 : X(item.Start);
            var bar = isPoint ? 0 : Math.Max(MinBar, X(item.End.AddDays(1)) - x);
            var label = item.Label.Length > MaxLabel ? item.Label[..(MaxLabel - 1)] + "…" : item.Label;
            var labelWidth = label.Length * CharWidth;
            var markEnd = isPoint ? x + 6 : x + bar;
            var markStart = isPoint ? x - 6 : x;
            // The label goes after the mark, or before it when it would run off the right edge.
            var before = markEnd + 4 + labelWidth > Width - 2;
            var extentStart = before ? markStart - 4 - labelWidth : markStart;
            var extentEnd = before ? markEnd : markEnd + 4 + labelWidth;
            var lane = laneEnds.FindIndex(end => end + 6 < extentStart);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(extentEnd);
            }
            else
            {
                laneEnds[lane] = extentEnd;
            }
            var y = AxisHeight + lane * LaneHeight + LaneHeight / 2;
            marks.Add(new Mark(item, Round(x), Round(bar), y, isPoint, Round(before ? markStart - 4 : markEnd + 4), before, label));
        }
        var ticks = Ticks(first, last).Select(t => new Tick(Round(X(t.Date)), t.Label)).ToList();
        return new Chart(AxisHeight + laneEnds.Count * LaneHeight + 8, ticks, marks, first, last.AddDays(-1));
    }

    private static IEnumerable<(DateOnly Date, string Label)> Ticks(DateOnly first, DateOnly last)
    {
        var span = last.DayNumber - first.DayNumber;
        var culture = CultureInfo.InvariantCulture;
        if (span > 3 * 366)
        {
            var step = Math.Max(1, (int)Math.Ceiling(span / 366.0 / 12));
            for (var d = new DateOnly(first.Year, 1, 1).AddYears(1); d < last; d = d.AddYears(step))
            {
                yield return (d, d.ToString("yyyy", culture));
            }
            yield break;
        }
        if (span > 62)
        {
            var months = span / 30;
            var step = months <= 12 ? 1 : months <= 24 ? 2 : months <= 36 ? 3 : 6;
            var year = 0;
            for (var d = new DateOnly(first.Year, first.Month, 1).AddMonths(1); d < last; d = d.AddMonths(step))
            {
                // The year is written on the first tick and wherever it changes.
                yield return (d, d.Year != year ? d.ToString("MMM yyyy", culture) : d.ToString("MMM", culture));
                year = d.Year;
            }
            yield break;
        }
        for (var d = first.AddDays(span > 21 ? 7 - ((int)first.DayOfWeek + 6) % 7 : 1); d < last; d = d.AddDays(span > 21 ? 7 : 2))
        {
            yield return (d, d.ToString("d MMM", culture));
        }
    }

    private static double Round(double value) => Math.Round(value, 1);
}
