using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Search;

/// <summary>
/// Ranked full-text search (SQLite FTS5, bm25) over actor names and aliases, claim quotes, article titles and body
/// paragraphs, events (kind, place, date words), notes and tags; alias-aware, with facets. A query the engine still cannot read comes back as <see cref="SearchResults.Error"/>, not an exception.
/// </summary>
/// <para>A search runs within a time budget (<c>ClaimReview:SearchBudgetMilliseconds</c>, 5 s by default) and stops when
/// the client goes away: Microsoft.Data.Sqlite's command cancellation does nothing to a running statement, so the
/// budget's token interrupts it on the connection (<c>sqlite3_interrupt</c>). Over the budget, what was found so far is
/// returned with <see cref="SearchResults.Note"/>.</para>
public sealed partial class FullTextSearch(ClaimReviewDb db, ILogger<FullTextSearch> logger, IConfiguration configuration)
{
    public const int DefaultBudgetMilliseconds = 5_000;

    private readonly TimeSpan _budget = TimeSpan.FromMilliseconds(configuration.GetValue("ClaimReview:SearchBudgetMilliseconds", DefaultBudgetMilliseconds));

    public const int ActorLimit = 10;
    public const int ClaimLimit = 10;

    private static readonly string Open = Snippet.Open.ToString();
    private static readonly string Close = Snippet.Close.ToString();

    public const int EventLimit = 10;
    public const int NoteLimit = 10;

    public async Task<SearchResults> SearchAsync(SearchQuery query, int page, int pageSize, CancellationToken cancellationToken) =>
        await SearchAsync(query, SearchFilters.None, page, pageSize, cancellationToken);

    /// <summary>
    /// Searches every kind of record. Alias-aware: the actors whose names or aliases match the query count as hits, and
    /// so do their mentions (the articles naming them under any alias), the claims they made and the events they took part in.
    /// </summary>
    public async Task<SearchResults> SearchAsync(SearchQuery query, SearchFilters filters, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (query.Expression is null)
        {
            return SearchResults.Empty(query);
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_budget <= TimeSpan.Zero)
        {
            // No time at all: stopped before the first statement (CancelAfter(0) would race the search on a timer thread).
            await budget.CancelAsync();
        }
        else
        {
            budget.CancelAfter(_budget);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var interrupt = budget.Token.Register(static c => Interrupt((SqliteConnection)c!), connection);
        var token = budget.Token;
        IReadOnlyList<SearchResults.ActorHit> actors = [];
        IReadOnlyList<SearchResults.ClaimHit> claims = [];
        IReadOnlyList<SearchResults.ArticleHit> articles = [];
        IReadOnlyList<SearchResults.EventHit> events = [];
        IReadOnlyList<SearchResults.NoteHit> notes = [];
        int actorTotal = 0, claimTotal = 0, articleTotal = 0, eventTotal = 0, noteTotal = 0;
        var facets = SearchFacets.None;
        var first = page == 1;
        SearchResults Results(string? note) => new(query, first && filters.Shows("actors") ? actors : [], actorTotal, first && filters.Shows("claims") ? claims : [], claimTotal,
            filters.Shows("articles") ? articles : [], articleTotal, null)
        {
            Events = first && filters.Shows("events") ? events : [],
            EventTotal = eventTotal,
            Notes = first && filters.Shows("notes") ? notes : [],
            NoteTotal = noteTotal,
            AliasOf = actors,
            Facets = facets,
            Filters = filters,
            Note = note,
        };
        try
        {
            var expression = query.Expression;
            (actors, actorTotal) = await ActorsAsync(expression, token);
            var aliasOf = SqlJson.Ids(actors.Select(a => a.Id));
            (claims, claimTotal) = await ClaimsAsync(expression, aliasOf, actors, filters, token);
            (articles, articleTotal) = await ArticlesAsync(expression, aliasOf, filters, (page - 1) * pageSize, pageSize, token);
            (events, eventTotal) = await EventsAsync(expression, aliasOf, token);
            (notes, noteTotal) = await NotesAsync(expression, token);
            facets = await FacetsAsync(expression, aliasOf, token) with
            {
                Types =
                [
                    new("actors", "Actors", actorTotal), new("claims", "Claims", claimTotal), new("events", "Events", eventTotal),
                    new("articles", "Articles", articleTotal), new("notes", "Notes", noteTotal),
                ],
            };
            return Results(null);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SqliteException { SqliteErrorCode: 9 } && budget.IsCancellationRequested)
        {
            // SQLITE_INTERRUPT or a cancelled query: the client went away (stop), or the budget is spent (say so, show what was found).
            cancellationToken.ThrowIfCancellationRequested();
            LogOverBudget(logger, query.Text, _budget.TotalMilliseconds);
            return Results($"The search took longer than {_budget.TotalSeconds:0.#} s and was stopped: below is what it found by then. More words, a \"quoted phrase\" or a filter narrow it.");
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 1)
        {
            LogUnreadable(logger, query.Text, exception.Message);
            return SearchResults.Empty(query, "The search could not read that query. Try plain words, a \"quoted phrase\", or a word ending in * for a prefix.");
        }
        finally
        {
            // The registration ends before the connection goes back: a late interrupt must not hit the next statement.
            await interrupt.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Interrupt(SqliteConnection connection)
    {
        if (connection.Handle is { } handle)
        {
            SQLitePCL.raw.sqlite3_interrupt(handle);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search for {Query} stopped at its budget of {Milliseconds} ms")]
    private static partial void LogOverBudget(ILogger logger, string query, double milliseconds);

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

    private async Task<(List<SearchResults.ClaimHit> Hits, int Total)> ClaimsAsync(string expression, string aliasOf,
        IReadOnlyList<SearchResults.ActorHit> matchedActors, SearchFilters filters, CancellationToken cancellationToken)
    {
        // Quotes with the words first; then the claims of the actors the words name (any alias), and claims with a matching tag.
        var outlet = filters.Outlet;
        var actor = filters.Actor;
        var best = await db.Database.SqlQuery<ClaimBestRow>($"""
            WITH hits AS (
                SELECT claim_id AS id, MIN(rank) AS score, rowid AS best, COUNT(*) AS matches, NULL AS why
                FROM search_claim_quotes WHERE search_claim_quotes MATCH {expression} GROUP BY claim_id
                UNION ALL
                SELECT c.id, 0.0, NULL, 0, 'claimant' FROM claims c WHERE c.claimant_id IN (SELECT value FROM json_each({aliasOf}))
                UNION ALL
                SELECT ct.claim_id, 0.0, NULL, 0, 'tag' FROM search_tags JOIN claim_tags ct ON ct.tag_id = search_tags.rowid WHERE search_tags MATCH {expression})
            SELECT h.id AS Id, MIN(h.score) AS Score, MAX(h.best) AS BestId, SUM(h.matches) AS Matches, MAX(h.why) AS Why, COUNT(*) OVER () AS Total
            FROM hits h
            WHERE ({outlet} IS NULL OR EXISTS (SELECT 1 FROM claim_reports r JOIN articles a ON a.id = r.article_id WHERE r.claim_id = h.id AND a.outlet = {outlet}))
              AND ({actor} IS NULL OR EXISTS (SELECT 1 FROM claims c WHERE c.id = h.id AND c.claimant_id = {actor}))
            GROUP BY h.id
            ORDER BY Score, (SELECT COUNT(*) FROM claim_reports r WHERE r.claim_id = h.id) DESC, h.id
            LIMIT {ClaimLimit}
            """).ToListAsync(cancellationToken);
        if (best.Count == 0)
        {
            return ([], 0);
        }
        var reportIds = SqlJson.Ids(best.Where(b => b.BestId is not null).Select(b => b.BestId!.Value));
        var snippets = await db.Database.SqlQuery<SnippetRow>($"""
            SELECT rowid AS Id, snippet(search_claim_quotes, 0, {Open}, {Close}, {Snippet.Ellipsis}, 24) AS Text
            FROM search_claim_quotes
            WHERE search_claim_quotes MATCH {expression} AND rowid IN (SELECT value FROM json_each({reportIds}))
            """).ToDictionaryAsync(s => s.Id, s => s.Text, cancellationToken);
        var claimIds = best.Select(b => b.Id).ToList();
        var claims = await db.Claims.AsNoTracking().Where(c => claimIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Summary, c.Kind, c.Status, c.ClaimantId, FirstReport = c.Reports.Min(r => (long?)r.Id) })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var shownReportIds = best.Select(b => b.BestId ?? claims.GetValueOrDefault(b.Id)?.FirstReport).Where(id => id is not null).Select(id => id!.Value).ToList();
        var reports = await db.ClaimReports.AsNoTracking().Where(r => shownReportIds.Contains(r.Id))
            .Join(db.Articles, r => r.ArticleId, a => a.Id, (r, a) => new { r.Id, r.ArticleId, a.Outlet, r.Quote })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var actorNames = matchedActors.ToDictionary(a => a.Id, a => a.Name);
        return ([.. best.Where(b => claims.ContainsKey(b.Id)).Select(b =>
        {
            var claim = claims[b.Id];
            var reportId = b.BestId ?? claim.FirstReport;
            if (reportId is not { } rid || !reports.TryGetValue(rid, out var report))
            {
                return null;
            }
            var foundBy = b.BestId is not null ? null
                : b.Why == "claimant" && claim.ClaimantId is { } cid && actorNames.TryGetValue(cid, out var name) ? $"made by {name}"
                : "a tag matches";
            var snippet = b.BestId is not null ? snippets.GetValueOrDefault(rid) ?? "" : Shorten(report.Quote);
            return new SearchResults.ClaimHit(claim.Id, claim.Summary, Infrastructure.SnakeCase.Name(claim.Kind), Infrastructure.SnakeCase.Name(claim.Status),
                rid, report.ArticleId, report.Outlet, snippet, b.Matches, foundBy);
        }).Where(h => h is not null).Select(h => h!)], best[0].Total);
    }

    private static string Shorten(string quote) => quote.Length <= 200 ? quote : quote[..199].TrimEnd() + Snippet.Ellipsis;

    private async Task<(List<SearchResults.EventHit> Hits, int Total)> EventsAsync(string expression, string aliasOf, CancellationToken cancellationToken)
    {
        var best = await db.Database.SqlQuery<EventBestRow>($"""
            WITH hits AS (
                SELECT rowid AS id, rank AS score, 1 AS matched FROM search_events WHERE search_events MATCH {expression}
                UNION ALL
                SELECT DISTINCT event_id, 0.0, 0 FROM event_participants WHERE actor_id IN (SELECT value FROM json_each({aliasOf})))
            SELECT id AS Id, MIN(score) AS Score, MAX(matched) AS Matched, COUNT(*) OVER () AS Total
            FROM hits GROUP BY id
            ORDER BY Score, (SELECT COUNT(*) FROM event_reports r WHERE r.event_id = hits.id) DESC, id
            LIMIT {EventLimit}
            """).ToListAsync(cancellationToken);
        if (best.Count == 0)
        {
            return ([], 0);
        }
        var matchedIds = SqlJson.Ids(best.Where(b => b.Matched == 1).Select(b => b.Id));
        var snippets = await db.Database.SqlQuery<SnippetRow>($"""
            SELECT rowid AS Id, snippet(search_events, -1, {Open}, {Close}, {Snippet.Ellipsis}, 16) AS Text
            FROM search_events
            WHERE search_events MATCH {expression} AND rowid IN (SELECT value FROM json_each({matchedIds}))
            """).ToDictionaryAsync(s => s.Id, s => s.Text, cancellationToken);
        var ids = best.Select(b => b.Id).ToList();
        var events = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Kind, e.Date, e.DateEnd, e.DatePrecision, e.Place, e.District, e.Region, e.Country })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        return ([.. best.Where(b => events.ContainsKey(b.Id)).Select(b =>
        {
            var e = events[b.Id];
            return new SearchResults.EventHit(e.Id, Pages.Shared.Labels.Of(e.Kind), Pages.Shared.Labels.Date(e.Date, e.DateEnd, e.DatePrecision),
                Pages.Shared.Labels.Place(e.Place, e.District, e.Region, e.Country), snippets.GetValueOrDefault(b.Id) ?? "",
                b.Matched == 1 ? null : "a matching actor took part");
        })], best[0].Total);
    }

    private async Task<(List<SearchResults.NoteHit> Hits, int Total)> NotesAsync(string expression, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<SnippetRow>($"""
            SELECT rowid AS Id, snippet(search_notes, -1, {Open}, {Close}, {Snippet.Ellipsis}, 20) AS Text
            FROM search_notes WHERE search_notes MATCH {expression}
            ORDER BY rank LIMIT {NoteLimit}
            """).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return ([], 0);
        }
        var total = rows.Count < NoteLimit ? rows.Count
            : await CountAsync($"SELECT COUNT(*) AS Value FROM search_notes WHERE search_notes MATCH {expression}", cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var notes = await db.Annotations.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.TargetType, a.TargetId, a.AuthorName }).ToDictionaryAsync(a => a.Id, cancellationToken);
        return ([.. rows.Where(r => notes.ContainsKey(r.Id)).Select(r =>
        {
            var n = notes[r.Id];
            var target = n.TargetType switch
            {
                AnnotationTarget.Article => Pages.Shared.Links.Article(n.TargetId),
                AnnotationTarget.Actor => Pages.Shared.Links.Actor(n.TargetId),
                AnnotationTarget.Claim => Pages.Shared.Links.Claim(n.TargetId),
                _ => Pages.Shared.Links.Event(n.TargetId),
            };
            return new SearchResults.NoteHit(n.Id, Pages.Shared.Labels.Of(n.TargetType), n.TargetId, $"{target}#note-{n.Id}", n.AuthorName, r.Text);
        })], total);
    }

    /// <summary>The articles that use the words (paragraphs, titles) or mention a matched actor under any name; one CTE for the list and the facets.</summary>
    private const string ArticleHits = """
        p AS (
            SELECT article_id, MIN(rank) AS score, rowid AS segment_id, COUNT(*) AS matches
            FROM search_paragraphs WHERE search_paragraphs MATCH $expression GROUP BY article_id),
        hits AS (
            SELECT article_id, score, segment_id, matches FROM p
            UNION ALL
            SELECT rowid, rank * 2.0, NULL, 1 FROM search_articles WHERE search_articles MATCH $expression
            UNION ALL
            SELECT article_id, -0.000001 * COUNT(*), NULL, 0 FROM actor_mentions
            WHERE actor_id IN (SELECT value FROM json_each($aliasOf)) GROUP BY article_id)
        """;

    private async Task<SearchFacets> FacetsAsync(string expression, string aliasOf, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<FacetRow>($"""
            WITH {ArticleHits},
            g AS MATERIALIZED (SELECT article_id AS id, MIN(score) AS score FROM hits GROUP BY article_id)
            SELECT 'outlet' AS Facet, a.outlet AS Value, COUNT(*) AS Hits FROM g JOIN articles a ON a.id = g.id WHERE a.outlet IS NOT NULL GROUP BY a.outlet
            UNION ALL
            SELECT 'year', substr(a.published, 1, 4), COUNT(*) FROM g JOIN articles a ON a.id = g.id WHERE a.published IS NOT NULL GROUP BY 2
            UNION ALL
            SELECT 'actor', CAST(m.actor_id AS TEXT), COUNT(DISTINCT m.article_id)
            FROM (SELECT id FROM g ORDER BY score LIMIT {SearchFacets.ActorSample}) s JOIN actor_mentions m ON m.article_id = s.id GROUP BY m.actor_id
            UNION ALL
            SELECT 'total', '', COUNT(*) FROM g
            """, Parameters(expression, aliasOf)).ToListAsync(cancellationToken);
        var actorCounts = rows.Where(r => r.Facet == "actor").OrderByDescending(r => r.Hits).ThenBy(r => r.Value, StringComparer.Ordinal).Take(10).ToList();
        var actorIds = actorCounts.Select(r => long.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var names = await db.Actors.AsNoTracking().Where(a => actorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var total = rows.FirstOrDefault(r => r.Facet == "total")?.Hits ?? 0;
        return new SearchFacets([],
            [.. rows.Where(r => r.Facet == "outlet").OrderByDescending(r => r.Hits).ThenBy(r => r.Value, StringComparer.Ordinal).Take(10)
                .Select(r => new SearchFacets.Count(r.Value, r.Value, r.Hits))],
            [.. actorCounts.Where(r => names.ContainsKey(long.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture)))
                .Select(r => new SearchFacets.Count(r.Value, names[long.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture)], r.Hits))],
            [.. rows.Where(r => r.Facet == "year").OrderByDescending(r => r.Value, StringComparer.Ordinal).Select(r => new SearchFacets.Count(r.Value, r.Value, r.Hits))],
            total > SearchFacets.ActorSample);
    }

    private static SqliteParameter[] Parameters(string expression, string aliasOf, SearchFilters? filters = null, int? take = null, int? skip = null) =>
    [
        new("$expression", expression), new("$aliasOf", aliasOf),
        new("$outlet", (object?)filters?.Outlet ?? DBNull.Value), new("$actor", (object?)filters?.Actor ?? DBNull.Value),
        new("$year", (object?)filters?.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? DBNull.Value),
        new("$take", take ?? 0), new("$skip", skip ?? 0),
    ];

    private async Task<(List<SearchResults.ArticleHit> Hits, int Total)> ArticlesAsync(string expression, string aliasOf, SearchFilters filters, int skip, int take,
        CancellationToken cancellationToken)
    {
        // Title hits count double; each article's best paragraph (at most one per article in p) gives the snippet. Articles
        // that only name a matched actor (under any alias) follow, the most mentions first.
        const string Filtered = """
            FROM (SELECT article_id, MIN(score) AS score, MAX(segment_id) AS segment_id, SUM(matches) AS matches FROM hits GROUP BY article_id) g
            JOIN articles a ON a.id = g.article_id
            WHERE ($outlet IS NULL OR a.outlet = $outlet) AND ($year IS NULL OR substr(a.published, 1, 4) = $year)
              AND ($actor IS NULL OR EXISTS (SELECT 1 FROM actor_mentions m WHERE m.article_id = g.article_id AND m.actor_id = $actor))
            """;
        var best = await db.Database.SqlQueryRaw<ArticleBestRow>($"""
            WITH {ArticleHits}
            SELECT g.article_id AS Id, g.score AS Score, g.segment_id AS SegmentId, g.matches AS Matches, COUNT(*) OVER () AS Total
            {Filtered}
            ORDER BY Score, g.article_id
            LIMIT $take OFFSET $skip
            """, Parameters(expression, aliasOf, filters, take, skip)).ToListAsync(cancellationToken);
        if (best.Count == 0)
        {
            // Past the last page the window gives no total; count once so the pager still knows it.
            return ([], skip == 0 ? 0 : await db.Database.SqlQueryRaw<int>($"""
                WITH {ArticleHits}
                SELECT COUNT(*) AS Value {Filtered}
                """, Parameters(expression, aliasOf, filters)).SingleAsync(cancellationToken));
        }
        var total = best[0].Total;
        var articleIds = best.Select(b => b.Id).ToList();
        var segmentIds = SqlJson.Ids(best.Where(b => b.SegmentId is not null).Select(b => b.SegmentId!.Value));
        var snippets = await db.Database.SqlQuery<SnippetRow>($"""
            SELECT rowid AS Id, snippet(search_paragraphs, 0, {Open}, {Close}, {Snippet.Ellipsis}, 28) AS Text
            FROM search_paragraphs
            WHERE search_paragraphs MATCH {expression} AND rowid IN (SELECT value FROM json_each({segmentIds}))
            """).ToDictionaryAsync(s => s.Id, s => s.Text, cancellationToken);
        var articleIdList = SqlJson.Ids(articleIds);
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
        // Which names of the matched actors each article used, for the hits found through an alias.
        var aliasHits = best.Where(b => b.Matches == 0).Select(b => b.Id).ToList();
        var names = aliasHits.Count == 0 ? new List<NameRow>() : await db.Database.SqlQuery<NameRow>($"""
            SELECT article_id AS ArticleId, text AS Name, COUNT(*) AS Count, MIN(id) AS FirstId FROM actor_mentions
            WHERE article_id IN (SELECT value FROM json_each({SqlJson.Ids(aliasHits)})) AND actor_id IN (SELECT value FROM json_each({aliasOf}))
            GROUP BY article_id, text
            """).ToListAsync(cancellationToken);
        var namesByArticle = names.ToLookup(n => n.ArticleId);
        var hits = best.Where(b => articles.ContainsKey(b.Id)).Select(b =>
        {
            var article = articles[b.Id];
            var snippet = b.SegmentId is { } segment ? snippets.GetValueOrDefault(segment) : null;
            int? ordinal = b.SegmentId is { } s && segmentOrdinals.TryGetValue(s, out var o) ? o : null;
            var used = namesByArticle[b.Id].OrderByDescending(n => n.Count).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
            return new SearchResults.ArticleHit(article.Id, shownTitles[article.Id],
                ArticleTitles.IsUntitled(article.Title) ? shownTitles[article.Id] : titles.GetValueOrDefault(article.Id) ?? article.Title,
                article.Outlet, article.Published, ordinal, snippet, b.Matches,
                used.Count == 0 ? null : [.. used.Select(n => (n.Name, n.Count))], used.Count == 0 ? null : used.Min(n => n.FirstId));
        }).ToList();
        return (hits, total);
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "Search query {Query} could not be read: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string query, string reason);

    private sealed record ActorRow(long Id, string Name, string Kind, string NameSnippet, string? AliasSnippet, int Mentions, double Score);

    private sealed record ClaimBestRow(long Id, double Score, long? BestId, int Matches, string? Why, int Total);

    private sealed record EventBestRow(long Id, double Score, int Matched, int Total);

    private sealed record FacetRow(string Facet, string Value, int Hits);

    private sealed record NameRow(long ArticleId, string Name, int Count, long FirstId);

    private sealed record ArticleBestRow(long Id, double Score, long? SegmentId, int Matches, int Total);

    private sealed record SnippetRow(long Id, string Text);
}
