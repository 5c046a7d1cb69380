using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Exporting;

/// <summary>Writes an <see cref="ExportRequest"/> in its format: the one entry point of the export page and the CLI verb.</summary>
public sealed class Exporter(ClaimReviewDb db, JsonExporter json, CsvExporter csv, StixExporter stix, ClaimReviewMarkup claimReview, WebAnnotationExporter annotations)
{
    public async Task WriteAsync(ExportRequest request, Stream output, IProgress<ExportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // Read-only: nothing an export loads is tracked, so memory stays at one batch however large the database.
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var write = request.Format switch
        {
            ExportFormat.Csv => csv.WriteAsync(request, output, progress, cancellationToken),
            ExportFormat.Stix => stix.WriteAsync(request, output, progress, cancellationToken),
            ExportFormat.ClaimReview => claimReview.WriteAsync(request, output, progress, cancellationToken),
            ExportFormat.Annotations => annotations.WriteAsync(request, output, progress, cancellationToken),
            _ => json.WriteAsync(request, output, progress, cancellationToken),
        };
        await write;
    }
}
