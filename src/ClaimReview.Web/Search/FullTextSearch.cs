using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Search;

/// <summary>
/// Ranked full-text search (SQLite FTS5, bm25) over actor names and aliases, claim quotes, and article titles and
/// body paragraphs. A query the engine still cannot read comes back as <see cref="SearchResults.Error"/>, not an exception.
/// </summary>
public sealed partial class FullTextSearch(ClaimReviewDb db, ILogger<FullTextSearch> logger)
{
    public const int ActorLimit = 10;
    public const int ClaimLimit = 10;

    private static readonly string Open = Snippet.Open.ToString();
    private static readonly string Close = Snippet.Close.ToString();

    public async Task<SearchResults> SearchAsync(SearchQuery query, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (query.Expression is null)
        {
            return SearchResults.Empty(query);
        }
        try
        {
            var expression = query.Expression;
            var (actors, actorTotal) = await ActorsAsync(expression, cancellationToken);
            var (claims, claimTotal) = await ClaimsAsync(expression, cancellationToken);
            var (articles, articleTotal) = await ArticlesAsync(expression, (page - 1) * pageSize, pageSize, cancellationToken);
            return new SearchResults(query, page == 1 ? actors : [], actorTotal, page == 1 ? claims : [], claimTotal, articles, articleTotal, null);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 1)
        {
            LogUnreadable(logger, query.Text, exception.Message);
            return SearchResults.Empty(query, "The search could not read that query. Try plain words, a \"quoted phrase\", or a word ending in * for a prefix.");
        }
    }

    private async Task<int> CountAsync(FormattableString sql, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int>(sql).SingleAsync(cancellationToken);

    private async Task<(List<SearchResults.ActorHit> Hits, int Total)> ActorsAsync(string expression, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<ActorRow>($"""
            SELECT a.id AS Id, a.name AS Name, a.kind AS Kind,
                   snippet(search_actors, 0, {Open}, {Close}, {Snippet.Ellipsis}, 12) AS NameSnippet,
                   snippet(search_actors, 1, {Open}, {Close}, {Snippet.Ellipsis}, 12) AS AliasSnippet,
                   (SELECT COUNT(*) FROM actor_mentions m WHERE m.actor_id = a.id) AS Mentions,
                   bm25(search_actors, 4.0, 1.0) AS Score
            FROM search_actors JOIN actors a ON a.id = search_actors.rowid
            WHERE search_actors MATCH {expression}
            ORDER BY Score, Mentions DESC, a.name
            LIMIT {ActorLimit}
            """).ToListAsync(cancellationToken);
        // snippet() and bm25() cannot share a query with a window function, so the total is a second (cheap) query.
        var total = rows.Count < ActorLimit ? rows.Count
            : await CountAsync($"SELECT COUNT(*) AS Value FROM search_actors WHERE search_actors MATCH {expression}", cancellationToken);
        return ([.. rows.Select(r => new SearchResults.ActorHit(r.Id, r.Name, r.Kind, r.NameSnippet, r.AliasSnippet, r.Mentions))], total);
    }

    private async Task<(List<SearchResults.ClaimHit> Hits, int Total)> ClaimsAsync(string expression, CancellationToken cancellationToken)
    {
        var best = await db.Database.SqlQuery<BestRow>($"""
            SELECT claim_id AS Id, MIN(rank) AS Score, rowid AS BestId, COUNT(*) AS Matches, COUNT(*) OVER () AS Total
            FROM search_claim_quotes WHERE search_claim_quotes MATCH {expression}
            GROUP BY claim_id ORDER BY Score LIMIT {ClaimLimit}
            """).ToListAsync(cancellationToken);
        if (best.Count == 0)
        {
            return ([], 0);
        }
        var reportIds = JsonList(best.Select(b => b.BestId));
        var snippets = await db.Database.SqlQuery<SnippetRow>($"""
            SELECT rowid AS Id, snippet(search_claim_quotes, 0, {Open}, {Close}, {Snippet.Ellipsis}, 24) AS Text
            FROM search_claim_quotes
            WHERE search_claim_quotes MATCH {expression} AND rowid IN (SELECT value FROM json_each({reportIds}))
            """).ToDictionaryAsync(s => s.Id, s => s.Text, cancellationToken);
        var claimIds = best.Select(b => b.Id).ToList();
        var bestReportIds = best.Select(b => b.BestId).ToList();
        var claims = await db.Claims.AsNoTracking().Where(c => claimIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Summary, c.Kind, c.Status }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var reports = await db.ClaimReports.AsNoTracking().Where(r => bestReportIds.Contains(r.Id))
            .Join(db.Articles, r => r.ArticleId, a => a.Id, (r, a) => new { r.Id, r.ArticleId, a.Outlet })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        return ([.. best.Where(b => claims.ContainsKey(b.Id) && reports.ContainsKey(b.BestId)).Select(b =>
        {
            var claim = claims[b.Id];
            var report = reports[b.BestId];
            return new SearchResults.ClaimHit(claim.Id, claim.Summary, Infrastructure.SnakeCase.Name(claim.Kind), Infrastructure.SnakeCase.Name(claim.Status),
                b.BestId, report.ArticleId, report.Outlet, snippets.GetValueOrDefault(b.BestId) ?? "", b.Matches);
        })], best[0].Total);
    }

    private async Task<(List<SearchResults.ArticleHit> Hits, int Total)> ArticlesAsync(string expression, int skip, int take, CancellationToken cancellationToken)
    {
        // Title hits count double; each article's best paragraph (at most one per article in p) gives the snippet.
        var best = await db.Database.SqlQuery<ArticleBestRow>($"""
            WITH p AS (
                SELECT article_id, MIN(rank) AS score, rowid AS segment_id, COUNT(*) AS matches
                FROM search_paragraphs WHERE search_paragraphs MATCH {expression} GROUP BY article_id),
            hits AS (
                SELECT article_id, score, segment_id, matches FROM p
                UNION ALL
                SELECT rowid, rank * 2.0, NULL, 1 FROM search_articles WHERE search_articles MATCH {expression})
            SELECT article_id AS Id, MIN(score) AS Score, MAX(segment_id) AS SegmentId, SUM(matches) AS Matches, COUNT(*) OVER () AS Total
            FROM hits GROUP BY article_id
            ORDER BY Score, article_id
            LIMIT {take} OFFSET {skip}
            """).ToListAsync(cancellationToken);
        if (best.Count == 0)
        {
            // Past the last page the window gives no total; count once so the pager still knows it.
            return ([], skip == 0 ? 0 : await CountAsync($"""
                SELECT COUNT(*) AS Value FROM (
                    SELECT article_id FROM search_paragraphs WHERE search_paragraphs MATCH {expression}
                    UNION
                    SELECT rowid FROM search_articles WHERE search_articles MATCH {expression})
                """, cancellationToken));
        }
        var total = best[0].Total;
        var articleIds = best.Select(b => b.Id).ToList();
        var segmentIds = JsonList(best.Where(b => b.SegmentId is not null).Select(b => b.SegmentId!.Value));
        var snippets = await db.Database.SqlQuery<SnippetRow>($"""
            SELECT rowid AS Id, snippet(search_paragraphs, 0, {Open}, {Close}, {Snippet.Ellipsis}, 28) AS Text
            FROM search_paragraphs
            WHERE search_paragraphs MATCH {expression} AND rowid IN (SELECT value FROM json_each({segmentIds}))
            """).ToDictionaryAsync(s => s.Id, s => s.Text, cancellationToken);
        var articleIdList = JsonList(articleIds);
        var titles = await db.Database.SqlQuery<SnippetRow>($"""
            SELECT rowid AS Id, highlight(search_articles, 0, {Open}, {Close}) AS Text
            FROM search_articles
            WHERE search_articles MATCH {expression} AND rowid IN (SELECT value FROM json_each({articleIdList}))
            """).ToDictionaryAsync(s => s.Id, s => s.Text, cancellationToken);
        var segmentIdList = best.Where(b => b.SegmentId is not null).Select(b => b.SegmentId!.Value).ToList();
        var segmentOrdinals = await db.ArticleSegments.AsNoTracking()
            .Where(s => segmentIdList.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Ordinal, cancellationToken);
        var articles = await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Outlet, a.Published }).ToDictionaryAsync(a => a.Id, cancellationToken);
        var shownTitles = await ArticleTitles.ForAsync(db, articles.Values.Select(a => (a.Id, a.Title)), cancellationToken);
        var hits = best.Where(b => articles.ContainsKey(b.Id)).Select(b =>
        {
            var article = articles[b.Id];
            var snippet = b.SegmentId is { } segment ? snippets.GetValueOrDefault(segment) : null;
            int? ordinal = b.SegmentId is { } s && segmentOrdinals.TryGetValue(s, out var o) ? o : null;
            return new SearchResults.ArticleHit(article.Id, shownTitles[article.Id], ArticleTitles.IsUntitled(article.Title) ? shownTitles[article.Id] : titles.GetValueOrDefault(article.Id) ?? article.Title,
                article.Outlet, article.Published, ordinal, snippet, b.Matches);
        }).ToList();
        return (hits, total);
    }

    private static string JsonList(IEnumerable<long> ids) => "[" + string.Join(',', ids) + "]";

    [LoggerMessage(Level = LogLevel.Information, Message = "Search query {Query} could not be read: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string query, string reason);

    private sealed record ActorRow(long Id, string Name, string Kind, string NameSnippet, string? AliasSnippet, int Mentions, double Score);

    private sealed record BestRow(long Id, double Score, long BestId, int Matches, int Total);

    private sealed record ArticleBestRow(long Id, double Score, long? SegmentId, int Matches, int Total);

    private sealed record SnippetRow(long Id, string Text);
}
