using System.Globalization;
using System.Text;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Tests.Importing;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Hostile;

/// <summary>
/// The seeds plus one long invented article (issue 12: one accepted file must not make shared pages of megabytes): many
/// paragraphs, each a group's claim of an attack with its own toll and day, so the article holds thousands of mentions
/// and hundreds of quotes of a few claims and events. Imported once for a test class, with a signed-in analyst.
/// </summary>
public sealed class LongArticleSite : IAsyncLifetime
{
    public const string FileName = "long-series.txt";
    public const int Paragraphs = 900;

    private ImportFixture? _fixture;
    private HttpClient? _client;

    internal ImportFixture Fixture => _fixture ?? throw new InvalidOperationException("Not started.");
    public HttpClient Client => _client ?? throw new InvalidOperationException("Not started.");
    public long ArticleId { get; private set; }

    /// <summary>A second article: its whole body one line of about 270 KB (issue 12 found a 1 MB single line).</summary>
    public const string OneLineFile = "one-line.txt";

    public long OneLineId { get; private set; }

    public static string OneLine() =>
        "Militants repeat one claim without a break\n\n"
        + string.Concat(Enumerable.Range(0, 5_000).Select(i => $"ISIS said its fighters raided post {i} and Amaq repeated it. ")) + "\n";
    public int RawLength { get; private set; }

    /// <summary>The invented article: a headline, a dateline paragraph, then <see cref="Paragraphs"/> claims of attacks.</summary>
    public static string Text()
    {
        var text = new StringBuilder("Militants claim a long series of attacks on army posts\n\nPublished 12 March 2024\n\n");
        var places = new[] { "Maiduguri", "Mogadishu", "Kabul", "Mosul", "Raqqa", "Gao" };
        for (var i = 0; i < Paragraphs; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"In its statement number {i + 1}, the Islamic State said through the Amaq News Agency that its fighters attacked an army post near {places[i % places.Length]} on {1 + (i % 28)} March 2024, killing {2 + (i % 37)} soldiers, a claim the army denied.\n\n");
        }
        return text.ToString();
    }

    public async Task InitializeAsync()
    {
        _fixture = ImportFixture.WithSeeds();
        var text = Text();
        RawLength = text.Length;
        await File.WriteAllTextAsync(_fixture.PathOf(FileName), text);
        await File.WriteAllTextAsync(_fixture.PathOf(OneLineFile), OneLine());
        await _fixture.ImportAsync();
        ArticleId = await _fixture.QueryAsync(db => db.Articles.Where(a => a.SourceFile == FileName).Select(a => a.Id).SingleAsync());
        OneLineId = await _fixture.QueryAsync(db => db.Articles.Where(a => a.SourceFile == OneLineFile).Select(a => a.Id).SingleAsync());
        _client = await _fixture.App.SignInAsync(Roles.Analyst);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }
}
