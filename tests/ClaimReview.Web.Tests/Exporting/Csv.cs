using System.Text;

namespace ClaimReview.Web.Tests.Exporting;

/// <summary>An RFC 4180 reader for the tests: quoted fields, doubled quotes, line breaks inside quotes, CRLF rows.</summary>
internal static class Csv
{
    public static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The rows of a CSV file's bytes (asserting the UTF-8 byte-order mark first), header included.</summary>
    public static List<string[]> Parse(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(Bom), "the CSV does not start with a UTF-8 byte-order mark");
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
                Assert.True(field.Length == 0, $"a quote inside an unquoted field at {i}");
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
                Assert.False(c is '\r' or '\n', $"a bare line break outside quotes at {i}");
                field.Append(c);
            }
        }
        Assert.False(quoted, "an unterminated quoted field");
        Assert.True(field.Length == 0 && row.Count == 0, "the last row does not end with CRLF");
        return rows;
    }

    /// <summary>Rows as dictionaries keyed by the header (every row as wide as the header).</summary>
    public static List<Dictionary<string, string>> Records(byte[] bytes)
    {
        var rows = Parse(bytes);
        var header = rows[0];
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        return [.. rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }
}
