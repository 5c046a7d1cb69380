using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Parsing;
using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction;

/// <summary>What the recognisers found in one sentence.</summary>
internal sealed class SentenceFacts
{
    public List<PlaceMention> Places { get; } = [];

    public List<DateExpression> Dates { get; } = [];

    public PlaceRef Place { get; set; } = new(null, null, null, null);

    public bool HasStrongPlace { get; set; }
}

/// <summary>One article on its way through extraction: tokens, actors, and per-sentence places and dates.</summary>
internal sealed class ArticleFacts(ParsedArticle article, TokenizedArticle doc, ActorFindings actors, IReadOnlyList<KnownActor> known)
{
    public ParsedArticle Article { get; } = article;

    public TokenizedArticle Doc { get; } = doc;

    public ActorFindings Actors { get; } = actors;

    public IReadOnlyList<KnownActor> Known { get; } = known;

    public List<SentenceFacts> Sentences { get; } = [];

    /// <summary>Region and country of each segment (title, paragraphs) from its sentences.</summary>
    public List<PlaceRef> SegmentPlaces { get; } = [];

    public string? DominantCountry { get; set; }

    /// <summary>Limits the extraction reached on the way (the rest are checked at the end, in <see cref="ExtractionLimits"/>).</summary>
    public List<string> Warnings { get; } = [];

    public string Evidence(DateExpression e) =>
        Doc.Slice(Doc.Tokens[e.TokenStart].Start, Doc.Tokens[e.TokenEnd - 1].End);

    public string SentenceText(int sentence) => Doc.Slice(Doc.Sentences[sentence].Start, Doc.Sentences[sentence].End);

    /// <summary>The article's first actor with a key (looked up, not scanned: an article may name thousands).</summary>
    public ArticleActor? ActorWithKey(string key)
    {
        if (_actorsByKey is null)
        {
            _actorsByKey = new Dictionary<string, ArticleActor>(StringComparer.Ordinal);
            foreach (var actor in Actors.Actors)
            {
                _actorsByKey.TryAdd(actor.Key, actor);
            }
        }

        return _actorsByKey.GetValueOrDefault(key);
    }

    /// <summary>Adds an actor the recognisers did not find (a publisher named only in the chrome): it has no mentions.</summary>
    public void AddActor(ArticleActor actor)
    {
        Actors.Actors.Add(actor);
        _actorsByKey?.TryAdd(actor.Key, actor);
    }

    private Dictionary<string, ArticleActor?>? _actorsByHead;

    /// <summary>The one organisation of the article whose name has <paramref name="head"/> in it ("the Forum" for the
    /// Missing Persons Families Forum), or null when none or several do, or the word is not such a head noun.</summary>
    public ArticleActor? ActorNamedBy(ReadOnlySpan<char> head)
    {
        if (!WordLists.AnaphorHeads.Contains(head))
        {
            return null;
        }

        if (_actorsByHead is null)
        {
            _actorsByHead = new Dictionary<string, ArticleActor?>(StringComparer.OrdinalIgnoreCase);
            foreach (var actor in Actors.Actors)
            {
                if (actor.Kind is ActorKind.Person or ActorKind.NewsOutlet)
                {
                    continue;
                }

                foreach (var range in actor.Name.AsSpan().Split(' '))
                {
                    var word = actor.Name[range];
                    if (WordLists.AnaphorHeads.Contains(word))
                    {
                        // Two organisations with the word: "the Council" names neither.
                        if (!_actorsByHead.TryGetValue(word, out var seen))
                        {
                            _actorsByHead[word] = actor;
                        }
                        else if (seen != actor)
                        {
                            _actorsByHead[word] = null;
                        }
                    }
                }
            }
        }

        return _actorsByHead.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(head, out var found) ? found : null;
    }

    /// <summary>The first known (lexicon) actor with a key.</summary>
    public KnownActor? KnownWithKey(string key)
    {
        if (_knownByKey is null)
        {
            _knownByKey = new Dictionary<string, KnownActor>(StringComparer.Ordinal);
            foreach (var actor in Known)
            {
                _knownByKey.TryAdd(actor.Key, actor);
            }
        }

        return _knownByKey.GetValueOrDefault(key);
    }

    /// <summary>The first of <paramref name="events"/> with a key (the index is kept for the last list asked about).</summary>
    public EventMention? EventWithKey(List<EventMention> events, string key)
    {
        if (!ReferenceEquals(_eventsIndexed, events) || _eventsByKey is null)
        {
            _eventsIndexed = events;
            _eventsByKey = new Dictionary<string, EventMention>(StringComparer.Ordinal);
            foreach (var e in events)
            {
                _eventsByKey.TryAdd(e.Key, e);
            }
        }

        return _eventsByKey.GetValueOrDefault(key);
    }

    private Dictionary<string, ArticleActor>? _actorsByKey;
    private Dictionary<string, KnownActor>? _knownByKey;
    private List<EventMention>? _eventsIndexed;
    private Dictionary<string, EventMention>? _eventsByKey;

    /// <summary>Actor mentions inside a token range, in order (a struct enumerator: no allocation).</summary>
    public MentionRange MentionsIn(int start, int end) => new(Actors, start, end);
}

/// <summary>The actor mentions of a token range, for <c>foreach</c>.</summary>
internal readonly struct MentionRange(ActorFindings actors, int start, int end)
{
    public Enumerator GetEnumerator() => new(actors, start, end);

    public struct Enumerator(ActorFindings actors, int start, int end)
    {
        private int _t = start - 1;
        private int _last = -1;

        public (MentionSpan Mention, ArticleActor Actor) Current { get; private set; }

        public bool MoveNext()
        {
            var at = actors.MentionAt;
            while (++_t < end)
            {
                var m = at[_t];
                if (m >= 0 && m != _last)
                {
                    _last = m;
                    var span = actors.Mentions[m];
                    Current = (span, actors.Actors[span.Actor]);
                    return true;
                }
            }

            return false;
        }
    }
}
