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

    /// <summary>Actor mentions inside a token range, in order.</summary>
    public IEnumerable<(MentionSpan Mention, ArticleActor Actor)> MentionsIn(int start, int end)
    {
        var last = -1;
        for (var t = start; t < end; t++)
        {
            var m = Actors.MentionAt[t];
            if (m >= 0 && m != last)
            {
                last = m;
                yield return (Actors.Mentions[m], Actors.Actors[Actors.Mentions[m].Actor]);
            }
        }
    }
}
