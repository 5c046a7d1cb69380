using System.Globalization;
using ClaimReview.Testing;
using ClaimReview.Web.Auditing;
using ClaimReview.Web.Data;
using ClaimReview.Web.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Review;

/// <summary>Review actions done as a signed-in editor would (services from the app's container, an author on the context), and what tests read back.</summary>
internal static class ReviewWork
{
    public const string Editor = "editor@example.test";

    /// <summary>Runs <paramref name="action"/> in its own scope, as <paramref name="user"/>.</summary>
    public static async Task<T> AsEditorAsync<T>(this TestApp app, Func<IServiceProvider, ClaimReviewDb, Task<T>> action, string user = Editor)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
        db.Author = new ChangeAuthor(user + "-id", user);
        return await action(scope.ServiceProvider, db);
    }

    /// <summary>Runs a review action as the editor and asserts it was done.</summary>
    public static async Task DoneAsync(this TestApp app, Func<IServiceProvider, Task<Web.Review.ReviewResult>> action)
    {
        var result = await app.AsEditorAsync((services, _) => action(services));
        Assert.True(result.Succeeded, result.Message);
    }

    /// <summary>An event's version now (deleted ones too), as a page would have shown it before a decision.</summary>
    public static Task<int> EventVersionAsync(this TestApp app, long id) =>
        app.ReadAsync(db => db.Events.IgnoreQueryFilters().Where(e => e.Id == id).Select(e => e.Version).SingleAsync());

    public static async Task<T> ReadAsync<T>(this TestApp app, Func<ClaimReviewDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ClaimReviewDb>());
    }

    public static async Task<ImportReport> ImportAsync(this TestApp app, string folder, bool reextract)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync([folder], "test", reextract: reextract);
    }

    /// <summary>Every claim report as "claim|article|attributed|quote", sorted: equal lists mean no report moved, came or went.</summary>
    public static Task<List<string>> ClaimReportsAsync(this TestApp app) => app.ReadAsync(async db =>
        (await db.ClaimReports.AsNoTracking().Select(r => new { r.ClaimId, r.ArticleId, r.AttributedToSource, r.Quote }).ToListAsync())
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.ClaimId}|{r.ArticleId}|{r.AttributedToSource}|{r.Quote}")).Order(StringComparer.Ordinal).ToList());

    /// <summary>Every event report as "event|article|quote", sorted.</summary>
    public static Task<List<string>> EventReportsAsync(this TestApp app) => app.ReadAsync(async db =>
        (await db.EventReports.AsNoTracking().Select(r => new { r.EventId, r.ArticleId, r.Quote }).ToListAsync())
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.EventId}|{r.ArticleId}|{r.Quote}")).Order(StringComparer.Ordinal).ToList());

    /// <summary>Reports that appear twice on one record (same article and quote): none may.</summary>
    public static Task<List<string>> DuplicateReportsAsync(this TestApp app) => app.ReadAsync(async db =>
    {
        var claims = await db.ClaimReports.GroupBy(r => new { r.ClaimId, r.ArticleId, r.Quote }).Where(g => g.Count() > 1)
            .Select(g => "claim " + g.Key.ClaimId + ": " + g.Key.Quote).ToListAsync();
        var events = await db.EventReports.GroupBy(r => new { r.EventId, r.ArticleId, r.Quote }).Where(g => g.Count() > 1)
            .Select(g => "event " + g.Key.EventId + ": " + g.Key.Quote).ToListAsync();
        return claims.Concat(events).ToList();
    });
}
