using System.Text;

namespace ClaimReview.Web.Search;

/// <summary>
/// What a user typed, turned into a safe FTS5 match expression: words and "quoted phrases" (each becomes an
/// FTS5 string, so punctuation and column names cannot be misread as syntax), a trailing <c>*</c> for a prefix,
/// and upper-case <c>OR</c>, <c>AND</c>, <c>NOT</c> between terms. Anything else is a friendly <see cref="Error"/>.
/// </summary>
public sealed record SearchQuery(string Text, string? Expression, string? Error)
{
    public const int MaxLength = 200;

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "OR", "AND", "NOT" };

    public bool IsEmpty => Expression is null && Error is null;

    public static SearchQuery Parse(string? text)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0)
        {
            return new SearchQuery(text, null, null);
        }
        if (text.Length > MaxLength)
        {
            return Fail(text, $"That search is too long; use at most {MaxLength} characters.");
        }
        if (text.Count(c => c == '"') % 2 != 0)
        {
            return Fail(text, "A quotation mark has no partner. Put a phrase between two quotation marks, like \"Wilayah of Hind\".");
        }

        var parts = new List<string>();
        var previousWasOperator = true;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            string? term;
            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                term = text[(i + 1)..close];
                i = close + 1;
                var prefix = i < text.Length && text[i] == '*';
                if (prefix)
                {
                    i++;
                }
                term = HasWordCharacter(term) ? Quote(term) + (prefix ? "*" : "") : null;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
                {
                    i++;
                }
                var word = text[start..i];
                if (Operators.Contains(word))
                {
                    if (previousWasOperator)
                    {
                        return Fail(text, $"{word} needs a word on each side, as in: Daesh {word} ISIS.");
                    }
                    parts.Add(word);
                    previousWasOperator = true;
                    continue;
                }
                var prefix = word.EndsWith('*');
                word = word.Replace("*", "", StringComparison.Ordinal);
                term = HasWordCharacter(word) ? Quote(word) + (prefix ? "*" : "") : null;
            }
            if (term is not null)
            {
                parts.Add(term);
                previousWasOperator = false;
            }
        }
        if (parts.Count == 0)
        {
            return Fail(text, "Type at least one word with letters or digits.");
        }
        if (previousWasOperator)
        {
            return Fail(text, $"{parts[^1]} needs a word on each side, as in: Daesh {parts[^1]} ISIS.");
        }
        return new SearchQuery(text, string.Join(' ', parts), null);
    }

    private static SearchQuery Fail(string text, string error) => new(text, null, error);

    private static bool HasWordCharacter(string text) => text.Any(char.IsLetterOrDigit);

    private static string Quote(string term)
    {
        var builder = new StringBuilder(term.Length + 2).Append('"');
        builder.Append(term.Replace("\"", "\"\"", StringComparison.Ordinal));
        return builder.Append('"').ToString();
    }
}
