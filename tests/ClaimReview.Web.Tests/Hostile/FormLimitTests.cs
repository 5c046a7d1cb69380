using System.Net.Sockets;
using System.Text;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;

namespace ClaimReview.Web.Tests.Hostile;

/// <summary>
/// Oversized and malformed forms posted over real Kestrel, raw on a socket so that an invalid status line would show:
/// every page that reads a form answers 400 or 413 with the friendly page, never a 500 or a broken response.
/// </summary>
public sealed class FormLimitTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private string _cookies = "";

    public async Task InitializeAsync()
    {
        var client = await _app.SignInAsync(Roles.Admin);
        var handler = typeof(HttpMessageInvoker).GetField("_handler", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(client);
        var container = ((SocketsHttpHandler)handler!).CookieContainer;
        _cookies = string.Join("; ", container.GetCookies(_app.BaseAddress).Select(c => $"{c.Name}={c.Value}"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string, bool> Shapes()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var shape in new[] { "1025 fields", "3000-char key", "broken multipart", "40 MB upload", "multipart with 1025 parts" })
        {
            data.Add("/account/signin", shape, false);
            data.Add("/admin/users", shape, true);
            data.Add("/admin/import", shape, true);
            data.Add("/tags", shape, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_malformed_or_oversized_form_answers_400_or_413_with_the_friendly_page(string page, string shape, bool signedIn)
    {
        var (contentType, body) = Build(shape);

        var (status, response) = await PostRawAsync(page, contentType, body, signedIn ? _cookies : "");

        Assert.True(status is "400" or "413", $"{shape} on {page} answered '{status}'");
        Assert.Contains("<h1>", response, StringComparison.Ordinal);
    }

    private static (string ContentType, byte[] Body) Build(string shape)
    {
        const string Boundary = "----hostile";
        return shape switch
        {
            "1025 fields" => ("application/x-www-form-urlencoded", Encoding.ASCII.GetBytes(string.Join("&", Enumerable.Range(0, 1025).Select(i => $"f{i}=x")))),
            "3000-char key" => ("application/x-www-form-urlencoded", Encoding.ASCII.GetBytes(new string('k', 3000) + "=v")),
            "broken multipart" => ($"multipart/form-data; boundary={Boundary}", Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno closing boundary")),
            "40 MB upload" => ($"multipart/form-data; boundary={Boundary}", Upload(Boundary, 40 * 1024 * 1024)),
            "multipart with 1025 parts" => ($"multipart/form-data; boundary={Boundary}", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 1025).Select(i => $"--{Boundary}\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nx\r\n")) + $"--{Boundary}--\r\n")),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
    }

    private static byte[] Upload(string boundary, int size)
    {
        var head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"Upload\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        var body = new byte[head.Length + size + tail.Length];
        head.CopyTo(body, 0);
        Array.Fill(body, (byte)'a', head.Length, size);
        tail.CopyTo(body, head.Length + size);
        return body;
    }

    /// <summary>POSTs over a raw socket and returns the status line's code as written (an invalid line shows as it is) and the body.</summary>
    private async Task<(string Status, string Response)> PostRawAsync(string path, string contentType, byte[] body, string cookies)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_app.BaseAddress.Host, _app.BaseAddress.Port);
        tcp.ReceiveTimeout = 60_000;
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {_app.BaseAddress.Authority}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n"
            + (cookies.Length > 0 ? $"Cookie: {cookies}\r\n" : "") + "Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        try
        {
            await stream.WriteAsync(body);
        }
        catch (IOException)
        {
            // The server may answer and close before reading the whole body (413): read what it said.
        }
        using var reader = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await stream.CopyToAsync(reader, timeout.Token);
        }
        catch (IOException)
        {
            // Connection reset after the response: keep what arrived.
        }
        var text = Encoding.UTF8.GetString(reader.ToArray());
        var firstLine = text.Split("\r\n")[0];
        var parts = firstLine.Split(' ', 3);
        return (parts.Length > 1 ? parts[1] : firstLine, text);
    }
}
