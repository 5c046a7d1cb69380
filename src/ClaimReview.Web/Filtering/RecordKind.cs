namespace ClaimReview.Web.Filtering;

/// <summary>The kinds of record a list shows and an export writes; their lower-case names appear in export addresses.</summary>
public enum RecordKind
{
    Articles,
    Actors,
    Claims,
    Reports,
    Events,
    Discrepancies,
}
