using System.Globalization;

namespace ClaimReview.Web.Infrastructure;

/// <summary>Ids as the JSON array SQLite's <c>json_each</c> reads, for one statement over a set of rows (<c>IN (SELECT value FROM json_each(...))</c>).</summary>
internal static class SqlJson
{
    public static string Ids(IEnumerable<long> ids) => "[" + string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]";
}
