namespace ClaimReview.Web.Infrastructure;

/// <summary>
/// Query keys a page reads by hand (from <c>Request.Query</c>) rather than by binding; the page cache varies by them
/// (see <see cref="PageQueryKeys"/>). Each argument may list several keys separated by commas.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ReadsQueryAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = [.. keys.SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
