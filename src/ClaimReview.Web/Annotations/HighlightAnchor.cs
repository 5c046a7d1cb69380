using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ClaimReview.Web.Annotations;

/// <summary>
/// Where a highlight's quote is in an article's text. The rule, used both when a person highlights a passage and when
/// a re-import changes the text:
/// <list type="number">
/// <item>every exact (ordinal) occurrence of the quote counts; the one whose start is nearest to the old start wins
/// (a tie goes to the earlier one);</item>
/// <item>only when there is none, the quote is matched with whitespace normalised: leading and trailing whitespace of the
/// quote is ignored and each run of whitespace (spaces, tabs, line breaks, no-break spaces) matches any run of one or more
/// whitespace characters in the text, so a re-wrapped line or a passage pasted from the browser still anchors; again
/// the nearest occurrence wins;</item>
/// <item>otherwise the quote is gone (null): the highlight is orphaned, and keeps its quote and its old offsets.</item>
/// </list>
/// Letters, case and punctuation must match exactly: a reworded passage is a different passage.
/// </summary>
public static class HighlightAnchor
{
    /// <summary>A passage of the text: <c>text[Start..End]</c>.</summary>
    public readonly record struct Range(int Start, int End);

    /// <summary>The occurrence of <paramref name="quote"/> in <paramref name="text"/> nearest to <paramref name="oldStart"/>, or null when it is gone.</summary>
    public static Range? Find(string text, string quote, int oldStart)
    {
        var occurrences = Occurrences(text, quote);
        if (occurrences.Count == 0)
        {
            return null;
        }
        var best = occurrences[0];
        foreach (var occurrence in occurrences)
        {
            if (Math.Abs((long)occurrence.Start - oldStart) < Math.Abs((long)best.Start - oldStart))
            {
                best = occurrence;
            }
        }
        return best;
    }

    /// <summary>
    /// Every occurrence of <paramref name="quote"/> in <paramref name="text"/> in text order: the exact ones, or when there
    /// is none the whitespace-normalised ones (see the class summary). Empty when the quote has no visible character.
    /// </summary>
    public static IReadOnlyList<Range> Occurrences(string text, string quote)
    {
        if (string.IsNullOrWhiteSpace(quote) || text.Length == 0)
        {
            return [];
        }
        var exact = new List<Range>();
        for (var at = text.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quote, at + 1, StringComparison.Ordinal))
        {
            exact.Add(new Range(at, at + quote.Length));
        }
        return exact.Count > 0 ? exact : NormalisedOccurrences(text, quote);
    }

    private static List<Range> NormalisedOccurrences(string text, string quote)
    {
        var (needle, _) = Collapse(quote.Trim());
        var (haystack, map) = Collapse(text);
        var found = new List<Range>();
        for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            // The needle starts and ends with a visible character, which maps to exactly one character of the text.
            found.Add(new Range(map[at], map[at + needle.Length - 1] + 1));
        }
        return found;
    }

    /// <summary>The text with each run of whitespace as one space, and for each of its characters the index it came from.</summary>
    private static (string Text, int[] Map) Collapse(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var map = new int[text.Length];
        var inSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (!inSpace)
                {
                    map[builder.Length] = i;
                    builder.Append(' ');
                }
                inSpace = true;
                continue;
            }
            map[builder.Length] = i;
            builder.Append(text[i]);
            inSpace = false;
        }
        return (builder.ToString(), map);
    }

    /// <summary>
    /// Called by the importer when an existing article's text is replaced (inside the import's transaction): moves
    /// every highlight of the article to its quote in <paramref name="newText"/> by <see cref="Find"/>, marks it orphaned
    /// when the quote is gone (keeping its old offsets, the place to look when the quote comes back) and un-orphans it
    /// when the quote is found again. The note itself, its author, version and edit time are untouched: this is not a
    /// person's edit. Returns how many highlights of the article are orphaned now.
    /// </summary>
    public static int Reanchor(SqliteConnection connection, SqliteTransaction transaction, long articleId, string newText)
    {
        var highlights = new List<(long Id, string Quote, int? Start, int? End, bool Orphaned)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = """
                SELECT id, quote, start, "end", orphaned FROM annotations
                WHERE target_type = $type AND target_id = $article AND quote IS NOT NULL
                """;
            select.Parameters.AddWithValue("$type", SnakeCase.Name(AnnotationTarget.Article));
            select.Parameters.AddWithValue("$article", articleId);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                highlights.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.GetBoolean(4)));
            }
        }
        if (highlights.Count == 0)
        {
            return 0;
        }
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """UPDATE annotations SET start = $start, "end" = $end, orphaned = $orphaned WHERE id = $id""";
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        var start = update.Parameters.Add("$start", SqliteType.Integer);
        var end = update.Parameters.Add("$end", SqliteType.Integer);
        var orphaned = update.Parameters.Add("$orphaned", SqliteType.Integer);
        var orphans = 0;
        foreach (var highlight in highlights)
        {
            var found = Find(newText, highlight.Quote, highlight.Start ?? 0);
            var now = found is { } range
                ? (Start: (int?)range.Start, End: (int?)range.End, Orphaned: false)
                : (highlight.Start, highlight.End, Orphaned: true);
            orphans += now.Orphaned ? 1 : 0;
            if (now == (highlight.Start, highlight.End, highlight.Orphaned))
            {
                continue;
            }
            id.Value = highlight.Id;
            start.Value = (object?)now.Start ?? DBNull.Value;
            end.Value = (object?)now.End ?? DBNull.Value;
            orphaned.Value = now.Orphaned ? 1 : 0;
            update.ExecuteNonQuery();
        }
        return orphans;
    }
}
