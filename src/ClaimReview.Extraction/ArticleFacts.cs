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

    public string Evidence(DateExpression e) =>
        Doc.Slice(Doc.Tokens[e.TokenStart].Start, Doc.Tokens[e.TokenEnd - 1].End);

    public string SentenceText(int sentence) => Doc.Slice(Doc.Sentences[sentence].Start, Doc.Sentences[sentence].End);

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
