using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Shared;

/// <summary>
/// What a page shows for an article's title. A text saved without its headline is imported untitled (its title is
/// empty, and so is the export's); pages show it as "Untitled: " and the first words of its body.
/// </summary>
public static class ArticleTitles
{
    private const int LeadChars = 200;
    private const int LeadWords = 10;

    public static bool IsUntitled(string title) => string.IsNullOrWhiteSpace(title);

    /// <summary>The title, or "Untitled: first words of the body…" when the article has none.</summary>
    public static string Display(string title, string? lead)
    {
        if (!IsUntitled(title))
        {
            return title;
        }

        var words = (lead ?? "").Split((char[]?)null, LeadWords + 1, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return "Untitled";
        }

        var shown = string.Join(' ', words.Take(LeadWords));
        return $"Untitled: {shown}{(words.Length > LeadWords ? "…" : "")}";
    }

    /// <summary>The titles to show for these articles, by id: one query for the first words of the untitled ones.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> ForAsync(ClaimReviewDb db, IEnumerable<(long Id, string Title)> articles, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, string>();
        var untitled = new List<long>();
        foreach (var (id, title) in articles)
        {
            if (IsUntitled(title))
            {
                untitled.Add(id);
            }
            else
            {
                result[id] = title;
            }
        }

        if (untitled.Count > 0)
        {
            var leads = await LeadsAsync(db, untitled, cancellationToken);
            foreach (var id in untitled)
            {
                result[id] = Display("", leads.GetValueOrDefault(id));
            }
        }

        return result;
    }

    /// <summary>The title to show for one article.</summary>
    public static async Task<string> ForAsync(ClaimReviewDb db, long id, string title, CancellationToken cancellationToken) =>
        IsUntitled(title) ? Display("", (await LeadsAsync(db, [id], cancellationToken)).GetValueOrDefault(id)) : title;

    /// <summary>The start of each article's first body paragraph.</summary>
    private static async Task<Dictionary<long, string>> LeadsAsync(ClaimReviewDb db, List<long> ids, CancellationToken cancellationToken)
    {
        var firsts = await db.ArticleSegments.AsNoTracking()
            .Where(s => ids.Contains(s.ArticleId) && s.Kind == SegmentKind.Paragraph && s.Ordinal == 0)
            .Join(db.Articles, s => s.ArticleId, a => a.Id, (s, a) => new { s.ArticleId, Lead = a.RawText.Substring(s.Start, Math.Min(s.End - s.Start, LeadChars)) })
            .ToListAsync(cancellationToken);
        return firsts.ToDictionary(f => f.ArticleId, f => f.Lead);
    }
}
