using System.Globalization;
using System.Text;

namespace ClaimReview.Bench;

/// <summary>
/// Hostile article shapes for the <c>adversarial</c> benchmark: each builds a text of about the size asked for, made of
/// one pattern repeated, the kind of file that made extraction super-linear (issue 12: a 2.3 MB file of repeated actor
/// names took 152 s and created 100,000 actors and claims).
/// </summary>
public static class AdversarialShapes
{
    private const string Title = "Group claims attack as officials dispute the toll\n\n";

    public static readonly IReadOnlyList<(string Name, Func<int, string> Build)> All =
    [
        ("repeated actor names", size => Repeat(size, i => "ISIS said Rita Katz of the SITE Intelligence Group, and Amaq said the Islamic State and Boko Haram. ")),
        ("distinct invented names", size => Repeat(size, i => $"Commander {Name(i)} of the {Name(i + 7)} Brigade said the group killed {i % 90 + 2} soldiers in {Name(i + 11)} on Friday. ", paragraphs: true)),
        ("one 1 MB line", size => Repeat(size, i => $"Officials said {i % 50 + 2} people were killed in the attack on Friday, the army said in a statement; ")),
        ("no punctuation", size => Repeat(size, i => $"fighters of the group attacked the town and police said {Name(i)} claimed it and residents fled ")),
        ("nested quotes", size => Title + Nest(size)),
        ("many numbers", size => Repeat(size, i => $"{i} {i + 1}, {i * 7 % 1000} killed at least {i % 300} and more than {i % 97} were wounded. ", paragraphs: true)),
        ("many dates", size => Repeat(size, i => $"On {i % 28 + 1} May {2000 + i % 25}, on Tuesday, last week and on {i % 12 + 1}/{i % 28 + 1}/2019 the group struck. ", paragraphs: true)),
    ];

    private static string Repeat(int size, Func<int, string> piece, bool paragraphs = false)
    {
        var text = new StringBuilder(size + 256).Append(Title);
        for (var i = 0; text.Length < size; i++)
        {
            text.Append(piece(i));
            if (paragraphs && i % 8 == 7)
            {
                text.Append("\n\n");
            }
        }
        return text.Append('\n').ToString();
    }

    /// <summary>Quotes inside quotes inside quotes, never closed until the end.</summary>
    private static string Nest(int size)
    {
        var open = new StringBuilder(size / 2 + 64);
        var depth = 0;
        while (open.Length < size / 2)
        {
            open.Append(CultureInfo.InvariantCulture, $"the spokesman said {(depth % 2 == 0 ? '"' : '\u201C')}Amaq claimed that ");
            depth++;
        }
        var close = new StringBuilder(depth * 2);
        for (var d = depth - 1; d >= 0; d--)
        {
            close.Append(d % 2 == 0 ? '"' : '\u201D').Append(' ');
        }
        return open.Append(close).Append('\n').ToString();
    }

    /// <summary>An invented capitalised name per number (Bakoru, Tesimava...), distinct for each i.</summary>
    private static string Name(int i)
    {
        const string Consonants = "bdfgklmnprstvz";
        const string Vowels = "aeiou";
        var name = new StringBuilder();
        var n = i + 1;
        while (n > 0)
        {
            name.Append(Consonants[n % Consonants.Length]).Append(Vowels[n / Consonants.Length % Vowels.Length]);
            n /= Consonants.Length * Vowels.Length;
        }
        name.Append("ru");
        name[0] = char.ToUpperInvariant(name[0]);
        return name.ToString();
    }
}
