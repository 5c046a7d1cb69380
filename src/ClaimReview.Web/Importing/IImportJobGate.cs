namespace ClaimReview.Web.Importing;

/// <summary>
/// Awaited by a background import job once it has counted its files and before it imports any: none is registered in
/// the app, so jobs start at once. A host that must hold jobs back (a test that needs an import certainly running)
/// registers one.
/// </summary>
public interface IImportJobGate
{
    Task WaitAsync(CancellationToken cancellationToken);
}
