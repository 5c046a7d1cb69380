namespace ClaimReview.Web.Importing;

/// <summary>The import cannot go on (the database ended its transaction, or another import holds the lock); nothing half-written is kept.</summary>
public sealed class ImportAbortedException(string message, Exception? inner = null) : Exception(message, inner);
