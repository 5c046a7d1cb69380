using System.Runtime.CompilerServices;

namespace ClaimReview.Extraction.Events;

/// <summary>
/// The known events of an <see cref="ExtractionContext"/> indexed by kind family and country, and by key, so that
/// an article's lookups cost the same whether the importer passes ten known events or ten thousand. Built once per
/// context (the importer shares one context between threads) and kept only while the context lives.
/// </summary>
internal sealed class KnownEventIndex
{
    private static readonly ConditionalWeakTable<ExtractionContext, KnownEventIndex> Built = [];

    private readonly Dictionary<(string Family, string Country), List<KnownEvent>> _byCountry = [];
    private readonly Dictionary<string, List<KnownEvent>> _byKey = new(StringComparer.Ordinal);

    private KnownEventIndex(IReadOnlyList<KnownEvent> events)
    {
        foreach (var k in events)
        {
            if (k.Date.Date is null)
            {
                continue;
            }

            if (k.Place.Country is { } country)
            {
                var slot = (EventExtractor.Family(k.Kind), country);
                if (!_byCountry.TryGetValue(slot, out var list))
                {
                    _byCountry[slot] = list = [];
                }

                list.Add(k);
            }

            if (!_byKey.TryGetValue(k.Key, out var same))
            {
                _byKey[k.Key] = same = [];
            }

            same.Add(k);
        }
    }

    public static KnownEventIndex For(ExtractionContext context) => Built.GetValue(context, c => new KnownEventIndex(c.KnownEvents));

    /// <summary>Dated known events of a kind family in a country.</summary>
    public IReadOnlyList<KnownEvent> InCountry(string family, string? country) =>
        country is not null && _byCountry.TryGetValue((family, country), out var list) ? list : [];

    /// <summary>Dated known events with this key.</summary>
    public IReadOnlyList<KnownEvent> WithKey(string key) => _byKey.TryGetValue(key, out var list) ? list : [];
}
