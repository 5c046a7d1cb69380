using System.Text;
using ClaimReview.Extraction.Parsing;

namespace ClaimReview.Extraction.Tests.Parsing;

public class ArticleDecoderTests
{
    private const long Limit = 5 * 1024 * 1024;

    [Fact]
    public void Empty_file_is_an_error()
    {
        var result = ArticleDecoder.Decode([], Limit);
        Assert.Null(result.Text);
        Assert.Contains("empty", result.Error!.Message);
    }

    [Fact]
    public void Whitespace_only_file_is_an_error()
    {
        var result = ArticleDecoder.Decode(Encoding.UTF8.GetBytes(" \r\n\t \n\u00A0"), Limit);
        Assert.Null(result.Text);
        Assert.Contains("whitespace", result.Error!.Message);
    }

    [Fact]
    public void Nul_bytes_are_binary_data_with_the_offset_of_the_first()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Title line\n"), 0, 1, 2, 0];
        var result = ArticleDecoder.Decode(bytes, Limit);
        Assert.Null(result.Text);
        Assert.Contains("binary", result.Error!.Message);
        Assert.Equal(11, result.Error.ByteOffset);
        Assert.Contains("11", result.Error.Message);
    }

    [Fact]
    public void Many_control_bytes_are_binary_data()
    {
        var bytes = Enumerable.Range(0, 200).Select(i => (byte)(i % 2 == 0 ? 0x41 : 0x03)).ToArray();
        var result = ArticleDecoder.Decode(bytes, Limit);
        Assert.Contains("binary", result.Error!.Message);
        Assert.Equal(1, result.Error.ByteOffset);
    }

    [Fact]
    public void Invalid_utf8_names_the_byte_offset_of_the_first_bad_byte()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Caf\u00e9 headline\n"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" more")];
        var result = ArticleDecoder.Decode(bytes, Limit);
        Assert.Null(result.Text);
        Assert.Contains("UTF-8", result.Error!.Message);
        Assert.Equal(15, result.Error.ByteOffset);
        Assert.Contains("byte offset 15", result.Error.Message);
    }

    [Fact]
    public void Over_the_size_limit_says_both_sizes()
    {
        var bytes = new byte[(int)(6.2 * 1024 * 1024)];
        Array.Fill(bytes, (byte)'a');
        var result = ArticleDecoder.Decode(bytes, Limit);
        Assert.Equal("file is 6.2 MB, the limit is 5 MB", result.Error!.Message);
    }

    [Fact]
    public void Byte_order_mark_is_stripped_so_offsets_start_at_the_text()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Headline")];
        var result = ArticleDecoder.Decode(bytes, Limit);
        Assert.Equal("Headline", result.Text);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Crlf_line_endings_and_typographic_characters_are_kept_as_written()
    {
        const string text = "Isis claims \u2018province\u2019\r\n\r\nFriday`s clash\u00A0ended.\r\n";
        var result = ArticleDecoder.Decode(Encoding.UTF8.GetBytes(text), Limit);
        Assert.Equal(text, result.Text);
    }
}
