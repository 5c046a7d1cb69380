using System.Globalization;
using System.Text;

namespace ClaimReview.Web.Exporting;

/// <summary>
/// RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF line ends, every
/// field with a comma, quote or line break quoted (quotes doubled), and formula injection neutralised: a cell that
/// starts with = + - @ tab or CR gets a leading apostrophe, so a spreadsheet shows it as text and never runs it.
/// </summary>
public sealed class CsvWriter : IAsyncDisposable
{
    private readonly StreamWriter _writer;
    private bool _lineStarted;

    public CsvWriter(Stream output)
    {
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true);
    }

    public void Row(params IEnumerable<object?> fields)
    {
        foreach (var field in fields)
        {
            Field(field);
        }
        EndRow();
    }

    public void Field(object? value)
    {
        if (_lineStarted)
        {
            _writer.Write(',');
        }
        _lineStarted = true;
        var text = value switch
        {
            null => "",
            string s => s,
            bool b => b ? "true" : "false",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => Data.ClaimReviewDb.StoredTimestamp(t),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        _writer.Write(Escape(text));
    }

    public void EndRow()
    {
        _writer.Write("\r\n");
        _lineStarted = false;
    }

    public Task FlushAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    /// <summary>One cell as written: neutralised if it could start a formula, quoted if it must be.</summary>
    public static string Escape(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }
}
