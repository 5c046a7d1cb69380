using System.Globalization;
using System.Text.Json;
using ClaimReview.Extraction.Recognition;
using ClaimReview.Web.Data;
using ClaimReview.Web.Filtering;
using ClaimReview.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Exporting;

/// <summary>
/// schema.org ClaimReview JSON-LD for claims with a verdict: what was claimed (claimReviewed), the verdict as a rating
/// (reviewRating, with the verdict's name as alternateName and the rationale as ratingExplanation), the claim itself
/// (itemReviewed: a Claim whose author is the claimant and whose appearances are the articles that report it), who
/// reviewed it (the organization) and when. The same markup is embedded on each claim page.
/// </summary>
public sealed class ClaimReviewMarkup(ClaimReviewDb db, IConfiguration configuration)
{
    public const string OrganizationKey = "ClaimReview:Organization";

    private sealed record Judged(long Id, string Summary, ClaimStatus Status, string? Rationale, DateTimeOffset At, string? ClaimantName, ActorKind? ClaimantKind, string? ClaimantText);

    private sealed record Appearance(long ClaimId, long ArticleId, string Title, string? Outlet, DateOnly? Published);

    private string Organization => configuration[OrganizationKey] is { Length: > 0 } name ? name : "ClaimReview";

    /// <summary>The verdict on the 1 (refuted) to 5 (corroborated) scale, or null while unverified.</summary>
    public static int? Rating(ClaimStatus status) => status switch
    {
        ClaimStatus.Refuted => 1,
        ClaimStatus.Disputed => 2,
        ClaimStatus.Unverifiable => 3,
        ClaimStatus.Corroborated => 5,
        _ => null,
    };

    /// <summary>Every claim with a verdict that passes the filters, as one JSON-LD document with a @graph.</summary>
    public async Task WriteAsync(ExportRequest request, Stream output, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteStartArray("@graph");
        var done = 0;
        await foreach (var batch in Judgements(RecordQueries.Claims(db, request.Filter)).InBatchesAsync(Select, c => c.Id, cancellationToken))
        {
            var appearances = await AppearancesAsync(batch, cancellationToken);
            foreach (var claim in batch)
            {
                Write(json, claim, appearances[claim.Id], request, withContext: false);
            }
            done += batch.Count;
            progress?.Report(new ExportProgress("claim reviews", done, 0));
            await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The markup for one claim page, or null when the claim has no verdict. Safe inside a script data block: the
    /// writer's default encoder escapes &lt;, &gt; and &amp;, so the text can never close the element.
    /// </summary>
    public async Task<string?> ForClaimAsync(long claimId, string baseUrl, CancellationToken cancellationToken)
    {
        var claim = await Judgements(db.Claims.AsNoTracking().Where(c => c.Id == claimId)).Select(Select).FirstOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return null;
        }
        var appearances = await AppearancesAsync([claim], cancellationToken);
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, claim, appearances[claim.Id], new ExportRequest(ExportFormat.ClaimReview, new HashSet<RecordKind>(), RecordFilter.None, BaseUrl: baseUrl), withContext: true);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static IQueryable<Claim> Judgements(IQueryable<Claim> claims) => claims.Where(c => c.Status != ClaimStatus.Unverified && c.VerdictAt != null);

    private static readonly System.Linq.Expressions.Expression<Func<Claim, Judged>> Select = c => new Judged(c.Id, c.Summary, c.Status, c.VerdictRationale, c.VerdictAt!.Value,
        c.Claimant != null ? c.Claimant.Name : null, c.Claimant != null ? c.Claimant.Kind : null, c.ClaimantText);

    private async Task<ILookup<long, Appearance>> AppearancesAsync(IReadOnlyList<Judged> claims, CancellationToken cancellationToken)
    {
        var ids = claims.Select(c => c.Id).ToList();
        return (await db.ClaimReports.Where(r => ids.Contains(r.ClaimId))
            .Join(db.Articles, r => r.ArticleId, a => a.Id, (r, a) => new Appearance(r.ClaimId, a.Id, a.Title, a.Outlet, a.Published))
            .Distinct().ToListAsync(cancellationToken)).OrderBy(a => a.Published).ThenBy(a => a.ArticleId).ToLookup(a => a.ClaimId);
    }

    private void Write(Utf8JsonWriter json, Judged claim, IEnumerable<Appearance> appearances, ExportRequest request, bool withContext)
    {
        json.WriteStartObject();
        if (withContext)
        {
            json.WriteString("@context", "https://schema.org");
        }
        json.WriteString("@type", "ClaimReview");
        json.WriteString("url", request.Url($"claims/{claim.Id}"));
        json.WriteString("claimReviewed", claim.Summary);
        json.WriteString("datePublished", claim.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartObject("author");
        json.WriteString("@type", "Organization");
        json.WriteString("name", Organization);
        json.WriteEndObject();
        json.WriteStartObject("reviewRating");
        json.WriteString("@type", "Rating");
        json.WriteNumber("ratingValue", Rating(claim.Status) ?? 3);
        json.WriteNumber("bestRating", 5);
        json.WriteNumber("worstRating", 1);
        json.WriteString("alternateName", Labels.Of(claim.Status));
        if (claim.Rationale is not null)
        {
            json.WriteString("ratingExplanation", claim.Rationale);
        }
        json.WriteEndObject();
        json.WriteStartObject("itemReviewed");
        json.WriteString("@type", "Claim");
        if ((claim.ClaimantName ?? claim.ClaimantText) is { } claimant)
        {
            json.WriteStartObject("author");
            json.WriteString("@type", claim.ClaimantKind == ActorKind.Person ? "Person" : "Organization");
            json.WriteString("name", claimant);
            json.WriteEndObject();
        }
        json.WriteStartArray("appearance");
        foreach (var article in appearances)
        {
            json.WriteStartObject();
            json.WriteString("@type", "NewsArticle");
            json.WriteString("headline", article.Title);
            json.WriteString("url", request.Url($"articles/{article.ArticleId}"));
            if (article.Published is { } published)
            {
                json.WriteString("datePublished", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            if (article.Outlet is not null)
            {
                json.WriteStartObject("publisher");
                json.WriteString("@type", "Organization");
                json.WriteString("name", article.Outlet);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
