using ClaimReview.Extraction.Recognition;
using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Review;

/// <summary>
/// What an editor corrects on an article: the outlet (one of the news-outlet actors, or a new one added by name), the
/// publication date, the source address. A tracked edit: each changed field is audited and becomes the editor's
/// (<see cref="FieldSet"/>), so no import overwrites it.
/// </summary>
public sealed class ArticleMetadataEditor(ClaimReviewDb db)
{
    public const int UrlMaxLength = 2000;
    public const int OutletMaxLength = 200;

    /// <summary>The article's new metadata: an outlet actor by id, or a new outlet's name (found or added), or neither (no outlet).</summary>
    public sealed record Change(long? OutletActorId, string? NewOutletName, DateOnly? Published, string? SourceUrl);

    public async Task<ReviewResult> SetAsync(long articleId, int version, Change change, CancellationToken cancellationToken)
    {
        var url = string.IsNullOrWhiteSpace(change.SourceUrl) ? null : change.SourceUrl.Trim();
        if (url is not null && (url.Length > UrlMaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            return ReviewResult.Invalid("The source address must be a web address starting with http:// or https://.");
        }
        var newName = string.IsNullOrWhiteSpace(change.NewOutletName) ? null : change.NewOutletName.Trim();
        if (newName is { Length: > OutletMaxLength })
        {
            return ReviewResult.Invalid($"An outlet's name has at most {OutletMaxLength} characters.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null)
        {
            return ReviewResult.NotFound("That article no longer exists.");
        }
        if (article.Version != version)
        {
            await transaction.RollbackAsync(cancellationToken);
            return ReviewResult.Conflict(null, $"Someone changed this article since you loaded it: outlet {article.Outlet ?? "unknown"}, "
                + $"published {article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}, "
                + $"source {article.SourceUrl ?? "none"}. Nothing was changed.") with
            { RecordId = articleId };
        }
        Actor? outlet = null;
        if (newName is not null)
        {
            outlet = await db.Actors.FirstOrDefaultAsync(a => a.Name == newName && a.Kind == ActorKind.NewsOutlet, cancellationToken);
            if (outlet is null)
            {
                var key = Extraction.Recognition.ActorKeys.For(newName);
                if (await db.Actors.AnyAsync(a => a.Key == key, cancellationToken))
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return ReviewResult.Invalid($"An actor named {newName} exists and is not a news outlet: choose it from the list or name the outlet differently.");
                }
                outlet = new Actor { Key = key, Name = newName, Kind = ActorKind.NewsOutlet, Origin = ActorOrigin.Editor };
                db.Actors.Add(outlet);
            }
        }
        else if (change.OutletActorId is { } outletId)
        {
            outlet = await db.Actors.FirstOrDefaultAsync(a => a.Id == outletId, cancellationToken);
            if (outlet is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return ReviewResult.Invalid("Choose the outlet from the list.");
            }
        }
        db.Entry(article).Property(a => a.Version).OriginalValue = version;
        if (outlet is null)
        {
            article.OutletActorId = null;
            article.Outlet = null;
        }
        else
        {
            if (outlet.Id == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            article.OutletActorId = outlet.Id;
            article.Outlet = outlet.Name;
        }
        article.Published = change.Published;
        article.SourceUrl = url;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return ReviewResult.Conflict(null, "Someone changed this article at the same moment; nothing was changed. Reload it.") with { RecordId = articleId };
        }
        await transaction.CommitAsync(cancellationToken);
        return ReviewResult.Done(articleId);
    }
}
