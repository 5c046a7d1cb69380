using ClaimReview.Web.Filtering;

namespace ClaimReview.Web.Exporting;

/// <summary>The formats the app and the CLI export; their lower-case names appear in addresses and on the command line.</summary>
public enum ExportFormat
{
    Json,
    Csv,
    Stix,
    ClaimReview,
    Annotations,
}

/// <summary>
/// What to export: the format, which record kinds (empty: all), the list filters (<see cref="RecordFilter"/>), whether the
/// JSON includes the history, and the app's public address for the links inside JSON-LD (ending in a slash).
/// </summary>
public sealed record ExportRequest(ExportFormat Format, IReadOnlySet<RecordKind> Records, RecordFilter Filter, bool History = false, string BaseUrl = ExportRequest.DefaultBaseUrl)
{
    public const string DefaultBaseUrl = "http://localhost:5000/";

    public bool Includes(RecordKind kind) => Records.Count == 0 || Records.Contains(kind);

    /// <summary>An absolute address in the app, e.g. "claims/5" → "https://host/claims/5".</summary>
    public string Url(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    /// <summary>The file name a download or the CLI suggests: claimreview-claims.csv, claimreview.stix.json...</summary>
    public string FileName
    {
        get
        {
            var records = Records.Count == 1 ? "-" + Records.Single().ToString().ToLowerInvariant() : "";
            return Format switch
            {
                ExportFormat.Csv => $"claimreview{records}.csv",
                ExportFormat.Stix => $"claimreview{records}.stix.json",
                ExportFormat.ClaimReview => "claimreview-claimreview.jsonld",
                ExportFormat.Annotations => $"claimreview{records}-annotations.jsonld",
                _ => $"claimreview{records}.json",
            };
        }
    }

    public string ContentType => Format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Stix => "application/stix+json;version=2.1",
        ExportFormat.ClaimReview => "application/ld+json",
        ExportFormat.Annotations => "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"",
        _ => "application/json",
    };
}

/// <summary>How far an export has come: records written of the total in the current section.</summary>
public readonly record struct ExportProgress(string Section, int Done, int Total);
