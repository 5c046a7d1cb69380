namespace ClaimReview.Web.Pages.Actors;

/// <summary>One field of a refused (stale) edit: the value saved now beside the value the editor tried to save.</summary>
public sealed record ConflictRow(string Field, string Current, string Yours);
