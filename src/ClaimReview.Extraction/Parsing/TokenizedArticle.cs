using System.Runtime.CompilerServices;
namespace ClaimReview.Extraction.Parsing;

/// <summary>A sentence: tokens [TokenStart, TokenEnd) of one segment; Segment 0 is the title, then the paragraphs.</summary>
internal readonly record struct Sentence(int TokenStart, int TokenEnd, int Segment, int Start, int End);

/// <summary>The title and body paragraphs of a parsed article as tokens and sentences (boilerplate is left out).</summary>
internal sealed class TokenizedArticle
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Prof", "Jr", "Sr", "No", "vs", "etc", "Inc",
        "Co", "Corp", "Gov", "Rep", "Sen", "Maj", "Brig", "Adm", "Rev", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Aug",
        "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "Insp", "Supt", "Cdr", "Hon", "Sh",
    };

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _abbreviations = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
    private ulong[]? _classes;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TokenizedArticle(ParsedArticle article, int titleStart)
    {
        Raw = article.RawText;
        var segments = new List<(int Start, int End)>(article.Paragraphs.Count + 1)
        {
            (titleStart, titleStart + article.Title.Length),
        };
        foreach (var paragraph in article.Paragraphs)
        {
            segments.Add((paragraph.Start, paragraph.End));
        }

        Segments = segments;
        var tokens = new List<Token>(Raw.Length / 5);
        var firsts = new int[segments.Count + 1];
        for (var s = 0; s < segments.Count; s++)
        {
            firsts[s] = tokens.Count;
            Tokenizer.Tokenize(Raw, segments[s].Start, segments[s].End, tokens);
        }

        firsts[segments.Count] = tokens.Count;
        Tokens = [.. tokens];
        for (var s = 0; s < segments.Count; s++)
        {
            SplitSentences(firsts[s], firsts[s + 1], s);
        }

        SegmentOfToken = new int[Tokens.Length];
        foreach (var sentence in Sentences)
        {
            for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
            {
                SegmentOfToken[t] = sentence.Segment;
            }
        }
    }

    public string Raw { get; }

    public Token[] Tokens { get; }

    public List<Sentence> Sentences { get; } = [];

    public IReadOnlyList<(int Start, int End)> Segments { get; }

    public int[] SegmentOfToken { get; }

    /// <summary>The token's text (quotes and apostrophes normalised); empty outside the article.</summary>
    public ReadOnlySpan<char> Text(int token)
    {
        if ((uint)token >= (uint)Tokens.Length)
        {
            return [];
        }

        var t = Tokens[token];
        if (t.Kind == TokenKind.Punct && t.Length == 1)
        {
            var c = Raw[t.Start];
            if (c is '’' or '‘' or '`' or '´' or 'ʼ')
            {
                return "'";
            }

            if (c is '“' or '”' or '„' or '«' or '»')
            {
                return "\"";
            }
        }

        return Raw.AsSpan(t.Start, t.Length);
    }

    public string TextOf(int token) => Text(token).ToString();

    /// <summary>The token word sets this token belongs to (see <see cref="Recognition.WordClasses"/>), looked up once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ulong WordClassesOf(int token)
    {
        if (_classes is null)
        {
            _classes = new ulong[Tokens.Length];
            for (var i = 0; i < Tokens.Length; i++)
            {
                _classes[i] = Tokens[i].Kind == TokenKind.Word ? Recognition.WordClasses.Of(Text(i)) : 0;
            }
        }

        return _classes[token];
    }

    public bool Is(int token, string word) =>
        token >= 0 && token < Tokens.Length && Text(token).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsPunct(int token, char c) =>
        token >= 0 && token < Tokens.Length && Tokens[token].Kind == TokenKind.Punct && Text(token)[0] == c;

    public bool IsCapitalised(int token) =>
        token >= 0 && token < Tokens.Length && Tokens[token].Kind == TokenKind.Word && char.IsUpper(Raw[Tokens[token].Start]);

    public bool IsWord(int token) => token >= 0 && token < Tokens.Length && Tokens[token].Kind == TokenKind.Word;

    public string Slice(int start, int end) => Raw[start..end];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SplitSentences(int first, int end, int segment)
    {
        var start = first;
        for (var t = first; t < end; t++)
        {
            var token = Tokens[t];
            if (token.Kind != TokenKind.Punct || Raw[token.Start] is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            // Closing quotes and brackets right after the stop belong to the sentence.
            var last = t;
            while (last + 1 < end && Tokens[last + 1].Start == Tokens[last].End
                && Raw[Tokens[last + 1].Start] is '"' or '”' or '’' or '\'' or ')' or ']' or '.')
            {
                last++;
            }

            if (last + 1 >= end)
            {
                break;
            }

            if (Raw[token.Start] == '.' && t > first && IsAbbreviation(t - 1))
            {
                continue;
            }

            var next = Tokens[last + 1];
            var nextChar = Raw[next.Start];
            var opensSentence = char.IsUpper(nextChar) || char.IsAsciiDigit(nextChar)
                || (nextChar is '"' or '“' or '‘' or '\'' or '(' && last + 2 < end && char.IsUpper(Raw[Tokens[last + 2].Start]));
            if (!opensSentence)
            {
                continue;
            }

            AddSentence(start, last + 1, segment);
            start = last + 1;
            t = last;
        }

        if (start < end)
        {
            AddSentence(start, end, segment);
        }
    }

    private bool IsAbbreviation(int token)
    {
        var t = Tokens[token];
        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        var text = Raw.AsSpan(t.Start, t.Length);
        // A lone capital is an initial ("U.S.", "J. Smith"), except at the end of "J&K".
        return (text.Length == 1 && char.IsUpper(text[0]) && !(token > 0 && Raw[Tokens[token - 1].Start] == '&'))
            || _abbreviations.Contains(text);
    }

    private void AddSentence(int tokenStart, int tokenEnd, int segment) =>
        Sentences.Add(new Sentence(tokenStart, tokenEnd, segment, Tokens[tokenStart].Start, Tokens[tokenEnd - 1].End));
}
