using System.Net;
using ClaimReview.Extraction;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Annotations;
using ClaimReview.Web.Tests.Importing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Hostile;

/// <summary>
/// The fuzz suite (issue 12): generated hostile articles, notes and queries against the importer and the pages. Nothing
/// answers 500 or a broken status line, nothing hangs (generous timeouts detect a hang; no time is asserted), no article
/// adds more than the limits allow, and the database stays intact. The seed is fixed and printed in every failure:
/// replay one with <c>CLAIMREVIEW_FUZZ_SEED=N dotnet test --filter FuzzTests</c>.
/// </summary>
public sealed class FuzzTests
{
    private const int DefaultSeed = 20_261_207;
    private const int Articles = 30;
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(3);

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CLAIMREVIEW_FUZZ_SEED"), out var seed) ? seed : DefaultSeed;

    [Fact]
    public async Task Hostile_articles_notes_and_queries_never_break_the_importer_the_pages_or_the_database()
    {
        var seed = Seed;
        var random = new Random(seed);
        string Replay(string what) => $"{what} [fuzz seed {seed}: replay with CLAIMREVIEW_FUZZ_SEED={seed}]";

        await using var fixture = ImportFixture.WithSeeds();
        var seeds = Directory.GetFiles(fixture.Folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        for (var i = 0; i < Articles; i++)
        {
            await File.WriteAllBytesAsync(fixture.PathOf($"fuzz-{i:D2}.txt"), HostileArticles.Article(random, seeds, i));
        }

        // The importer: every file new or refused with a reason, none crashing its extraction or its write.
        var import = fixture.ImportAsync();
        Assert.True(await Task.WhenAny(import, Task.Delay(Hang)) == import, Replay($"the import did not finish in {Hang.TotalMinutes} minutes"));
        var report = await import;
        foreach (var file in report.Files)
        {
            Assert.True(file.Outcome is ImportOutcome.New || (file.Outcome is ImportOutcome.Failed && file.Message is { Length: > 0 }), Replay($"{file.SourceFile}: {file.Outcome} {file.Message}"));
            Assert.False(file.Message?.StartsWith("extraction failed", StringComparison.Ordinal) ?? false, Replay($"{file.SourceFile}: {file.Message}"));
            Assert.False(file.Message?.StartsWith("could not be saved", StringComparison.Ordinal) ?? false, Replay($"{file.SourceFile}: {file.Message}"));
        }

        // Records per article within the limits.
        foreach (var (sql, limit) in new[]
        {
            ("SELECT COUNT(*) n FROM actor_mentions GROUP BY article_id", ExtractionLimits.MaxMentions),
            ("SELECT COUNT(DISTINCT actor_id) n FROM actor_mentions GROUP BY article_id", ExtractionLimits.MaxActors),
            ("SELECT COUNT(DISTINCT claim_id) n FROM claim_reports GROUP BY article_id", ExtractionLimits.MaxClaims),
            ("SELECT COUNT(DISTINCT event_id) n FROM event_reports GROUP BY article_id", ExtractionLimits.MaxEvents),
            ("SELECT COUNT(*) n FROM claim_reports GROUP BY article_id", ExtractionLimits.MaxReports),
            ("SELECT COUNT(*) n FROM event_reports GROUP BY article_id", ExtractionLimits.MaxReports),
        })
        {
            var most = await fixture.ScalarAsync($"SELECT COALESCE(MAX(n), 0) FROM ({sql})");
            Assert.True(most <= limit, Replay($"an article has {most} rows of '{sql}', over the limit of {limit}"));
        }

        // The pages: every article, a sample of the other records and their coverage, hostile searches and filters.
        using var admin = await fixture.App.SignInAsync(Roles.Admin);
        var urls = new List<string>();
        urls.AddRange((await fixture.QueryAsync(db => db.Articles.Select(a => a.Id).ToListAsync())).Select(id => $"/articles/{id}"));
        urls.AddRange((await fixture.QueryAsync(db => db.Claims.OrderByDescending(c => c.Id).Select(c => c.Id).Take(25).ToListAsync())).SelectMany(id => new[] { $"/claims/{id}", $"/claims/{id}/coverage" }));
        urls.AddRange((await fixture.QueryAsync(db => db.Events.OrderByDescending(e => e.Id).Select(e => e.Id).Take(25).ToListAsync())).SelectMany(id => new[] { $"/events/{id}", $"/events/{id}/coverage" }));
        urls.AddRange((await fixture.QueryAsync(db => db.Actors.OrderByDescending(a => a.Id).Select(a => a.Id).Take(25).ToListAsync())).Select(id => $"/actors/{id}"));
        urls.AddRange(["/", "/articles", "/claims", "/events", "/actors", "/review", $"/admin/import/runs/{report.RunId}"]);
        for (var i = 0; i < 30; i++)
        {
            var q = Uri.EscapeDataString(HostileArticles.Query(random));
            urls.Add(random.Next(5) switch
            {
                0 => $"/search?q={q}",
                1 => $"/articles?outlet={q}&from={q}&to={q}",
                2 => $"/claims?kind={q}&actor={q}&page={q}",
                3 => $"/events?from={q}&page=-{random.Next()}",
                _ => $"/actors?name={q}&kind={q}",
            });
        }

        foreach (var url in urls)
        {
            Assert.True((int)await StatusAsync(admin, url, Replay) < 500, Replay($"GET {url} answered a server error"));
        }

        // Hostile notes on a few records: saved or refused, and the record's page still answers.
        var targets = urls.Where(u => u.StartsWith("/articles/", StringComparison.Ordinal) || (u.Count(c => c == '/') == 2 && !u.Contains('?', StringComparison.Ordinal) && u.Length > 8)).Take(8).ToList();
        foreach (var target in targets)
        {
            var note = HostileArticles.Note(random);
            var page = await admin.GetAsync(target);
            if (page.StatusCode != HttpStatusCode.OK || !(await page.Content.ReadAsStringAsync()).Contains("note-form", StringComparison.Ordinal))
            {
                continue;
            }

            var posted = await admin.SubmitAsync(target, "form.note-form", new Dictionary<string, string> { ["Input.Body"] = note });
            Assert.True((int)posted.StatusCode < 500, Replay($"posting a note on {target} answered {(int)posted.StatusCode}"));
            Assert.True((int)await StatusAsync(admin, target, Replay) < 500, Replay($"{target} with a hostile note answered a server error"));
        }

        // The database is intact.
        await using var connection = new SqliteConnection(new DatabaseOptions { Path = fixture.App.DatabasePath }.ConnectionString);
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
    }

    /// <summary>The status of a GET; a broken status line or a request that never ends fails the test with the seed.</summary>
    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url, Func<string, string> replay)
    {
        try
        {
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsStringAsync();
            return response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Assert.Fail(replay($"GET {url} failed: {exception.GetType().Name}: {exception.Message}"));
            throw;
        }
    }
}
