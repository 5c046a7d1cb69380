using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ClaimReview.Web.Filtering;

/// <summary>
/// The filters of the list pages, in one place: the pages, the export links on them and the CLI's <c>export</c> verb
/// all build one of these and hand it to <see cref="RecordQueries"/>. A filter applies to the record kinds whose list
/// has it (the outlet to articles and claims, the actor to articles, the dates to articles and events...).
/// </summary>
public sealed record RecordFilter
{
    /// <summary>Articles of this outlet; claims (and their reports) reported by it.</summary>
    public string? Outlet { get; init; }

    /// <summary>Articles that mention this actor; events it took part in.</summary>
    public long? Actor { get; init; }

    /// <summary>The actor as typed (a name or an alias) when no id was given; <see cref="RecordQueries.ResolveAsync"/> turns it into <see cref="Actor"/>.</summary>
    public string? ActorName { get; init; }

    /// <summary>Claims whose summary or unnamed claimant's words contain this text (<c>q</c>).</summary>
    public string? Text { get; init; }

    /// <summary>Actors whose name or an alias contains this text.</summary>
    public string? Name { get; init; }

    /// <summary>Actor kind as its lower_snake_case name (armed_group...).</summary>
    public string? ActorKind { get; init; }

    /// <summary>Claim kind (territorial...).</summary>
    public string? ClaimKind { get; init; }

    /// <summary>Event kind (armed_clash...).</summary>
    public string? EventKind { get; init; }

    /// <summary>Claim verdict (unverified, corroborated...).</summary>
    public string? Status { get; init; }

    public long? Claimant { get; init; }

    /// <summary>The claimant as typed when no id was given; resolved like <see cref="ActorName"/>.</summary>
    public string? ClaimantName { get; init; }

    /// <summary>Claims with this tag (its exact name).</summary>
    public string? Tag { get; init; }

    /// <summary>Events in this country.</summary>
    public string? Country { get; init; }

    /// <summary>Articles published, events taking place, on or after this day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Articles published, events taking place, on or before this day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only actors some article mentions, as the actors list shows unless asked for all (<c>all=true</c>).</summary>
    public bool MentionedActorsOnly { get; init; }

    public static RecordFilter None { get; } = new();

    /// <summary>Every query key <see cref="FromQuery(IEnumerable{KeyValuePair{string, StringValues}}, RecordKind)"/> reads (pages reading it declare them for the page cache).</summary>
    public const string QueryKeys = "outlet,actor,q,name,kind,status,claimant,tag,country,from,to,all";

    private static readonly System.Collections.Frozen.FrozenSet<string> DeclaredKeys =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(QueryKeys.Split(','), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The filter a list page's query string gives (its own parameter names: <c>kind</c> means the kind of the list's
    /// records). Unknown or empty parameters are ignored, as the pages ignore them.
    /// </summary>
    public static RecordFilter FromQuery(IEnumerable<KeyValuePair<string, StringValues>> query, RecordKind list)
    {
        var values = query.ToDictionary(p => p.Key, p => p.Value.FirstOrDefault(), StringComparer.OrdinalIgnoreCase);
        // A key read here but missing from QueryKeys would let the page cache serve one filter's page for another.
        string? Text(string key) => !DeclaredKeys.Contains(key)
            ? throw new InvalidOperationException($"RecordFilter reads '{key}': add it to {nameof(QueryKeys)}, which the page cache varies by.")
            : values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        long? Number(string key) => long.TryParse(Text(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        DateOnly? Date(string key) => DateOnly.TryParseExact(Text(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var kind = Text("kind");
        return new RecordFilter
        {
            Outlet = Text("outlet"),
            Actor = Number("actor"),
            ActorName = Number("actor") is null ? Text("actor") : null,
            Text = list is RecordKind.Claims or RecordKind.Reports ? Text("q") : null,
            Name = Text("name"),
            ActorKind = list == RecordKind.Actors ? kind : null,
            ClaimKind = list is RecordKind.Claims or RecordKind.Reports ? kind : null,
            EventKind = list is RecordKind.Events or RecordKind.Discrepancies ? kind : null,
            Status = Text("status"),
            Claimant = Number("claimant"),
            ClaimantName = Number("claimant") is null ? Text("claimant") : null,
            Tag = Text("tag"),
            Country = Text("country"),
            From = Date("from"),
            To = Date("to"),
            MentionedActorsOnly = list == RecordKind.Actors && !string.Equals(Text("all"), "true", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>"?kind=x&amp;page=2" → the same filter as a dictionary, for callers holding a raw query string.</summary>
    public static RecordFilter FromQuery(string? queryString, RecordKind list) => FromQuery(QueryHelpers.ParseQuery(queryString), list);
}
