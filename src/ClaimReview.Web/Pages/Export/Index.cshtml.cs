using ClaimReview.Web.Data;
using ClaimReview.Web.Exporting;
using ClaimReview.Web.Filtering;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace ClaimReview.Web.Pages.Export;

/// <summary>
/// Downloads: <c>/export/{records}.{format}</c> with a list page's own query string, e.g. <c>/export/claims.csv?kind=territorial</c>.
/// Records are articles, actors, claims, reports, events, discrepancies or all; formats csv (one record kind), json,
/// stix, claimreview, annotations. Every signed-in reader may export what the lists show them (the Read policy, as
/// every page); the response streams, never cached.
/// </summary>
[NoPageCache]
public sealed class IndexModel(Exporter exporter, ClaimReviewDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string records, string format, bool history, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ExportFormat>(format, ignoreCase: true, out var exportFormat) || !string.Equals(format, format.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return NotFound();
        }
        HashSet<RecordKind> kinds;
        if (records == "all")
        {
            kinds = [];
        }
        else if (SnakeCase.TryParse<RecordKind>(records, out var kind))
        {
            kinds = [kind];
        }
        else
        {
            return NotFound();
        }
        if (exportFormat == ExportFormat.Csv && kinds.Count != 1)
        {
            return NotFound();
        }
        var list = kinds.Count == 1 ? kinds.Single() : RecordKind.Articles;
        var (filter, _, _) = await RecordQueries.ResolveAsync(db, RecordFilter.FromQuery(Request.Query, list), cancellationToken);
        var request = new ExportRequest(exportFormat, kinds, filter, history,
            $"{Request.Scheme}://{Request.Host}{Request.PathBase}/");

        Response.ContentType = request.ContentType;
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = request.FileName }.ToString();
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        await exporter.WriteAsync(request, Response.Body, cancellationToken: cancellationToken);
        return new EmptyResult();
    }
}
