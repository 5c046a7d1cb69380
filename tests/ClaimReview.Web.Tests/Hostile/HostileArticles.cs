using System.Globalization;
using System.Text;

namespace ClaimReview.Web.Tests.Hostile;

/// <summary>
/// Generated hostile input for the fuzz suite: seeded random mutations of the repository's seed articles and invented
/// shapes (floods of names, numbers, quotes, markup, control characters), and hostile Markdown notes and query strings.
/// The same seed gives the same input.
/// </summary>
internal static class HostileArticles
{
    private static readonly string[] Controls = ["\u0001", "\u0007", "\u001B[31m", "\u007F", "\u0085", "\u202E", "\u2066", "\u200B", "\uFEFF", "\t"];
    private static readonly string[] Numbers = ["2147483648", "99999999999999999999", "-1", "1e309", "0x7fffffff", "4294967296", "3.4e38", "NaN"];
    private static readonly string[] Names = ["ISIS", "Islamic State", "Amaq", "Boko Haram", "al-Shabaab", "Daesh", "IS", "Wilayah of Hind"];

    /// <summary>The number of invented shapes: <see cref="Article"/> gives each once, at full size, for the first indexes.</summary>
    public const int Shapes = 8;

    /// <summary>One hostile article: for the first <see cref="Shapes"/> indexes each invented shape at 120 KB, then a seed
    /// mutated one to three times or an invented shape of random size.</summary>
    public static byte[] Article(Random random, IReadOnlyList<string> seeds, int index)
    {
        if (index < Shapes)
        {
            return Invented(random, index, 120_000);
        }

        if (random.Next(4) == 0)
        {
            return Invented(random, random.Next(Shapes), random.Next(1_000, 120_000));
        }

        var text = seeds[random.Next(seeds.Count)];
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            text = Mutate(random, text);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static string Mutate(Random random, string text)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(12))
        {
            case 0:
                return text[..random.Next(text.Length)];
            case 1:
                var sb = new StringBuilder(text);
                for (var i = random.Next(1, 40); i > 0; i--)
                {
                    sb.Insert(random.Next(sb.Length), Controls[random.Next(Controls.Length)]);
                }
                return sb.ToString();
            case 2:
                var paragraph = lines[random.Next(lines.Count)];
                lines.InsertRange(random.Next(lines.Count), Enumerable.Repeat(paragraph, random.Next(50, 600)));
                return string.Join('\n', lines);
            case 3:
                return text.Replace('\n', ' ');
            case 4:
                return text.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
            case 5:
                return string.Concat(text.Split(' ').Select(w => random.Next(6) == 0 ? $"killed {Numbers[random.Next(Numbers.Length)]} soldiers on {random.Next(0, 40)} May {random.Next(1, 10_000)} " : w + " "));
            case 6:
                return "<html><body>" + string.Join("", lines.Select(l => $"<p class=\"x\">{l}</p>")) + "</body></html>";
            case 7:
                return lines[0] + "\n\n" + string.Join(' ', Enumerable.Range(0, random.Next(1_000, 8_000)).Select(_ => Names[random.Next(Names.Length)])) + "\n";
            case 8:
                lines.Insert(random.Next(lines.Count), string.Concat(Enumerable.Repeat("\u201CAmaq said \"", random.Next(100, 2_000))));
                return string.Join('\n', lines);
            case 9:
                lines.Reverse();
                return string.Join('\n', lines);
            case 10:
                return lines[0];
            default:
                return string.Join('\n', lines.OrderBy(_ => random.Next()));
        }
    }

    private static byte[] Invented(Random random, int shape, int size)
    {
        var text = new StringBuilder("Hostile headline " + random.Next() + "\n\n");
        switch (shape)
        {
            case 0:
                text.Append(new string((char)random.Next('a', 'z' + 1), size));
                break;
            case 1:
                text.Append("{\"title\": \"x\", \"body\": [").AppendJoin(',', Enumerable.Range(0, size / 8).Select(i => i.ToString(CultureInfo.InvariantCulture))).Append("]}");
                break;
            case 2:
                for (var i = 0; text.Length < size; i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"Commander Zel{i}ru of the Vor{i}ka Brigade said the group killed {i % 300} soldiers in Dar{i}ma on Friday. ");
                    text.Append(i % 7 == 6 ? "\n\n" : "");
                }
                break;
            case 3:
                for (var i = 0; text.Length < size; i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"On {i % 31 + 1} {(i % 13 == 0 ? "Smarch" : "May")} {i % 3000}, {Numbers[i % Numbers.Length]} were killed; ");
                }
                break;
            case 4:
                text.Append(string.Concat(Enumerable.Range(0, size / 2).Select(_ => (char)random.Next(0x20, 0x3000))));
                break;
            case 5:
                text.Append(string.Concat(Enumerable.Repeat("\n", size / 2)));
                break;
            case 6:
                // Invalid UTF-8 and NUL bytes: refused with a reason, never a crash.
                var bytes = new byte[size];
                random.NextBytes(bytes);
                return [.. Encoding.UTF8.GetBytes(text.ToString()), .. bytes];
            default:
                text.Append(string.Concat(Enumerable.Repeat("> ", size / 4))).Append("deep");
                break;
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A hostile Markdown note: deep nesting, markup, huge tables, control characters.</summary>
    public static string Note(Random random) => random.Next(7) switch
    {
        0 => new string('>', random.Next(100, 2_000)) + " deep",
        1 => string.Concat(Enumerable.Repeat("- ", random.Next(100, 3_000))) + "list",
        2 => "<script>alert(1)</script><img src=x onerror=alert(1)>[x](javascript:alert(1))",
        3 => string.Concat(Enumerable.Repeat("|a|b|\n|-|-|\n", random.Next(10, 800))),
        4 => string.Concat(Enumerable.Repeat("[", random.Next(100, 4_000))) + string.Concat(Enumerable.Repeat("](", 500)),
        5 => string.Concat(Enumerable.Range(0, random.Next(10, 3_000)).Select(_ => Controls[random.Next(Controls.Length)])),
        _ => string.Concat(Enumerable.Repeat("*_`~", random.Next(100, 2_400))),
    };

    /// <summary>A hostile search or filter value.</summary>
    public static string Query(Random random) => random.Next(8) switch
    {
        0 => "\"" + string.Concat(Enumerable.Repeat("a OR ", random.Next(10, 400))) + "b",
        1 => "NEAR(" + string.Concat(Enumerable.Repeat("x ", 200)) + ")",
        2 => string.Concat(Enumerable.Repeat("*", random.Next(1, 500))),
        3 => "Islamic State" + Controls[random.Next(Controls.Length)],
        4 => new string('\u0661', random.Next(1, 2_000)),
        5 => "') OR 1=1 --",
        6 => string.Concat(Enumerable.Repeat("(", random.Next(1, 1_000))),
        _ => Names[random.Next(Names.Length)] + " " + Numbers[random.Next(Numbers.Length)],
    };
}
