using System.Text.Json;
using ClaimReview.Testing;
using ClaimReview.Web.Exporting;
using ClaimReview.Web.Tests.Importing;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Exporting;

public sealed class JsonExporterTests
{
    [Fact]
    public async Task Export_of_the_seeds_follows_the_published_schema_and_every_quote_is_the_text_at_its_offsets()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await fixture.ImportAsync();

        using var export = await ExportAsync(fixture);

        using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "export.schema.json")));
        Assert.Empty(new SchemaChecker(schema.RootElement).Check(export.RootElement));

        var root = export.RootElement;
        Assert.Equal(5, root.GetProperty("articles").GetArrayLength());
        var raw = new Dictionary<string, string>();
        foreach (var article in root.GetProperty("articles").EnumerateArray())
        {
            var file = Path.Combine(fixture.Folder, article.GetProperty("sourceFile").GetString()!);
            raw[article.GetProperty("id").GetString()!] = await File.ReadAllTextAsync(file);
            Assert.NotEmpty(article.GetProperty("paragraphs").EnumerateArray());
        }
        var quotes = 0;
        foreach (var (section, list) in new[] { ("events", "reports"), ("claims", "reports"), ("actors", "mentions") })
        {
            foreach (var record in root.GetProperty(section).EnumerateArray())
            {
                foreach (var item in record.GetProperty(list).EnumerateArray())
                {
                    var text = raw[item.GetProperty("articleId").GetString()!];
                    var slice = text[item.GetProperty("start").GetInt32()..item.GetProperty("end").GetInt32()];
                    Assert.Equal(slice, item.GetProperty(list == "mentions" ? "text" : "quote").GetString());
                    quotes++;
                }
            }
        }
        Assert.True(quotes > 50, $"only {quotes} quotes and mentions exported");
    }

    [Fact]
    public async Task A_verdict_is_exported_with_its_rationale_who_and_when()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await fixture.ImportAsync();
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.ClaimReviewDb>();
            db.Author = new Web.Auditing.ChangeAuthor(null, "editor@example.test");
            var claim = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Claims);
            (claim.Status, claim.VerdictRationale, claim.VerdictBy, claim.VerdictAt) =
                (Web.Data.ClaimStatus.Refuted, "Police *deny* it.", "editor@example.test", new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero));
            await db.SaveChangesAsync();
        }

        using var export = await ExportAsync(fixture);

        using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "export.schema.json")));
        Assert.Empty(new SchemaChecker(schema.RootElement).Check(export.RootElement));
        var claims = export.RootElement.GetProperty("claims").EnumerateArray().ToList();
        var judged = Assert.Single(claims, c => c.GetProperty("verdict").ValueKind == JsonValueKind.Object);
        Assert.Equal("refuted", judged.GetProperty("status").GetString());
        Assert.Equal("Police *deny* it.", judged.GetProperty("verdict").GetProperty("rationale").GetString());
        Assert.Equal("editor@example.test", judged.GetProperty("verdict").GetProperty("by").GetString());
        Assert.Equal("2026-11-21T09:30:00.000Z", judged.GetProperty("verdict").GetProperty("at").GetString());
    }

    [Fact]
    public async Task Export_of_an_empty_database_is_valid_and_empty()
    {
        await using var app = new TestApp();
        await using var scope = app.Services.CreateAsyncScope();
        using var stream = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<JsonExporter>().WriteAsync(stream);

        using var export = JsonDocument.Parse(stream.ToArray());
        using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "export.schema.json")));
        Assert.Empty(new SchemaChecker(schema.RootElement).Check(export.RootElement));
        Assert.Equal(0, export.RootElement.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public void The_schema_checker_rejects_what_the_contract_forbids()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "export.schema.json")));
        using var bad = JsonDocument.Parse("""
            { "schemaVersion": 2, "articles": [ { "id": 7 } ], "actors": [], "events": [], "claims": [], "discrepancies": [], "extra": true }
            """);
        var errors = new SchemaChecker(schema.RootElement).Check(bad.RootElement);
        Assert.Contains(errors, e => e.StartsWith("$.schemaVersion", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unexpected property 'extra'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("missing 'sourceFile'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.articles[0].id: expected string", StringComparison.Ordinal));
    }

    private static async Task<JsonDocument> ExportAsync(ImportFixture fixture)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        using var stream = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<JsonExporter>().WriteAsync(stream);
        return JsonDocument.Parse(stream.ToArray());
    }
}
