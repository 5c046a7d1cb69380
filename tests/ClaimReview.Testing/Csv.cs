using System.Text;

namespace ClaimReview.Testing;

/// <summary>
/// An RFC 4180 reader for the tests: quoted fields, doubled quotes, line breaks inside quotes, CRLF rows. A file a
/// spreadsheet would not open cleanly (no byte-order mark, a bare line break, ragged rows) throws <see cref="InvalidDataException"/>.
/// </summary>
public static class Csv
{
    public static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The rows of a CSV file's bytes (asserting the UTF-8 byte-order mark first), header included.</summary>
    public static List<string[]> Parse(byte[] bytes)
    {
        Check(bytes.AsSpan().StartsWith(Bom), "the CSV does not start with a UTF-8 byte-order mark");
        var text = Encoding.UTF8.GetString(bytes, Bom.Length, bytes.Length - Bom.Length);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                Check(field.Length == 0, $"a quote inside an unquoted field at {i}");
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                Check(c is not '\r' and not '\n', $"a bare line break outside quotes at {i}");
                field.Append(c);
            }
        }
        Check(!quoted, "an unterminated quoted field");
        Check(field.Length == 0 && row.Count == 0, "the last row does not end with CRLF");
        return rows;
    }

    /// <summary>Rows as dictionaries keyed by the header (every row as wide as the header).</summary>
    public static List<Dictionary<string, string>> Records(byte[] bytes)
    {
        var rows = Parse(bytes);
        var header = rows[0];
        Check(rows.TrueForAll(r => r.Length == header.Length), "a row is not as wide as the header");
        return [.. rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException(problem);
        }
    }
}
