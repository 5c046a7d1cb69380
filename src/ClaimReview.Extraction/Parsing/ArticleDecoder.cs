using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace ClaimReview.Extraction.Parsing;

/// <summary>
/// Turns the bytes of a saved article into text. UTF-8 with or without a byte order mark (the mark is dropped,
/// so every offset refers to the returned string); line endings and typographic characters are kept as written.
/// </summary>
public static class ArticleDecoder
{
    private const double MegaByte = 1024 * 1024;

    public static DecodeResult Decode(ReadOnlySpan<byte> bytes, long maxBytes)
    {
        if (bytes.Length > maxBytes)
        {
            return Fail($"file is {FormatSize(bytes.Length)}, the limit is {FormatSize(maxBytes)}");
        }

        var bomLength = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var body = bytes[bomLength..];
        if (body.IsEmpty)
        {
            return Fail("file is empty");
        }

        var nul = body.IndexOf((byte)0);
        if (nul >= 0)
        {
            return Fail($"file contains binary data (a NUL byte at byte offset {nul + bomLength})", nul + bomLength);
        }

        var controls = 0;
        var firstControl = -1;
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if ((b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) || b == 0x7F)
            {
                controls++;
                if (firstControl < 0)
                {
                    firstControl = i;
                }
            }
        }

        // A stray control character happens in pasted text; many of them mean the file is not text at all.
        if (controls > 8 && controls * 100 > body.Length)
        {
            return Fail(
                $"file contains binary data ({controls} control bytes, the first at byte offset {firstControl + bomLength})",
                firstControl + bomLength);
        }

        if (!Utf8.IsValid(body))
        {
            var offset = FirstInvalidByte(body) + bomLength;
            return Fail($"file is not valid UTF-8 (the first bad byte is at byte offset {offset})", offset);
        }

        var text = Encoding.UTF8.GetString(body);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail("file contains only whitespace");
        }

        return new DecodeResult(text, null);
    }

    private static long FirstInvalidByte(ReadOnlySpan<byte> body)
    {
        var index = 0;
        while (index < body.Length)
        {
            var status = Rune.DecodeFromUtf8(body[index..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return index;
    }

    private static DecodeResult Fail(string message, long? offset = null) => new(null, new ParseError(message, offset));

    private static string FormatSize(long bytes)
    {
        if (bytes >= MegaByte / 10)
        {
            var mb = Math.Round(bytes / MegaByte, 1);
            return mb.ToString("0.#", CultureInfo.InvariantCulture) + " MB";
        }

        if (bytes >= 1024)
        {
            return Math.Round(bytes / 1024.0, 1).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
    }
}
