using System.Runtime.CompilerServices;
using ClaimReview.Extraction.Parsing;

namespace ClaimReview.Extraction.Recognition;

/// <summary>
/// Phrases as sequences of tokens (case-sensitive, apostrophes and quotes normalised, hyphens inside words ignored),
/// matched longest-first at a token position. Built once; lookups allocate nothing.
/// </summary>
internal sealed class TokenTrie
{
    private readonly Node _root = new();

    public int Count { get; private set; }

    /// <summary>Adds a phrase; a later value for the same phrase wins. Returns false for a phrase with no tokens.</summary>
    public bool Add(string phrase, int value)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(phrase, 0, phrase.Length, tokens);
        if (tokens.Count == 0)
        {
            return false;
        }

        var node = _root;
        foreach (var token in tokens)
        {
            var key = Normalize(phrase.AsSpan(token.Start, token.Length)).ToString();
            if (node.Children is null)
            {
                node.Children = new Dictionary<string, Node>(StringComparer.Ordinal);
                node.Lookup = node.Children.GetAlternateLookup<ReadOnlySpan<char>>();
            }

            if (!node.Children.TryGetValue(key, out var child))
            {
                child = new Node();
                node.Children[key] = child;
            }

            node = child;
        }

        node.Value = value;
        Count++;
        return true;
    }

    /// <summary>Longest phrase starting at token <paramref name="start"/> and ending before <paramref name="limit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryMatch(TokenizedArticle doc, int start, int limit, out int endToken, out int value)
    {
        endToken = -1;
        value = -1;
        var node = _root;
        for (var t = start; t < limit; t++)
        {
            if (node.Children is null || !node.Lookup.TryGetValue(doc.Text(t), out var child))
            {
                break;
            }

            node = child;
            if (node.Value >= 0)
            {
                endToken = t + 1;
                value = node.Value;
            }
        }

        return endToken > 0;
    }

    public static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> token)
    {
        if (token.Length == 1)
        {
            var c = token[0];
            if (c is '’' or '‘' or '`' or '´' or 'ʼ')
            {
                return "'";
            }

            if (c is '“' or '”' or '„' or '«' or '»')
            {
                return "\"";
            }
        }

        return token;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; set; }

        public Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; set; }

        public int Value { get; set; } = -1;
    }
}
