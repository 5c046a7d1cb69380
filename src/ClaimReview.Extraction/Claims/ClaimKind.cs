namespace ClaimReview.Extraction.Claims;

public enum ClaimKind
{
    Territorial,
    Responsibility,
    Casualty,
    Denial,
    Assessment,
    Designation,
    Other,
}
