using System.Text;
using ClaimReview.Web.Data;
using ClaimReview.Web.Importing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Importing;

public sealed class ArticleImporterTests
{
    [Fact]
    public async Task Importing_the_seeds_stores_five_articles_with_bodies_free_of_page_chrome()
    {
        await using var fixture = ImportFixture.WithSeeds();

        var report = await fixture.ImportAsync();

        Assert.Equal(5, report.Count(ImportOutcome.New));
        Assert.False(report.AnyFailed);
        var articles = await fixture.QueryAsync(ImportFixture.ArticlesAsync);
        Assert.Equal(5, articles.Count);
        var bodies = await fixture.QueryAsync(db => db.ArticleSegments.AsNoTracking().Where(s => s.Kind == SegmentKind.Paragraph)
            .Join(db.Articles, s => s.ArticleId, a => a.Id, (s, a) => a.RawText.Substring(s.Start, s.End - s.Start)).ToListAsync());
        Assert.DoesNotContain(bodies, b => b.Trim() is "Live TV" or "Accessibility links" or "XS" or "LG");
        Assert.DoesNotContain(bodies, b => b.StartsWith("Dear reader", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains("Ishfaq Ahmad Sofi", StringComparison.Ordinal));
        // The raw text is kept verbatim: byte for byte what the file holds (less a BOM, which the seeds lack).
        foreach (var article in articles)
        {
            Assert.Equal(await File.ReadAllTextAsync(fixture.PathOf(article.SourceFile)), article.RawText);
        }
    }

    [Fact]
    public async Task Importing_the_same_files_again_changes_nothing_and_duplicates_nothing()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await fixture.ImportAsync();
        var before = await fixture.CountRowsAsync();
        var idsBefore = await fixture.QueryAsync(db => db.Claims.AsNoTracking().OrderBy(c => c.Key).Select(c => new { c.Key, c.Id }).ToListAsync());

        var report = await fixture.ImportAsync();

        Assert.Equal(5, report.Count(ImportOutcome.Unchanged));
        Assert.Equal(before, await fixture.CountRowsAsync());
        Assert.Equal(idsBefore, await fixture.QueryAsync(db => db.Claims.AsNoTracking().OrderBy(c => c.Key).Select(c => new { c.Key, c.Id }).ToListAsync()));
    }

    [Fact]
    public async Task A_changed_file_updates_its_article_and_keeps_the_ids_of_records_that_are_still_the_same()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await fixture.ImportAsync();
        var name = Path.GetFileName(Directory.GetFiles(fixture.Folder, "004_*.txt").Single());
        var articleId = await fixture.QueryAsync(db => db.Articles.Where(a => a.SourceFile == name).Select(a => a.Id).SingleAsync());
        var claimsBefore = await fixture.QueryAsync(db => db.Claims.AsNoTracking().ToDictionaryAsync(c => c.Key, c => c.Id));
        var actorsBefore = await fixture.QueryAsync(db => db.Actors.AsNoTracking().ToDictionaryAsync(a => a.Key, a => a.Id));

        await File.AppendAllTextAsync(fixture.PathOf(name), "\n\nEditor's note: this story was updated to add a paragraph.\n");
        var report = await fixture.ImportAsync();

        Assert.Equal(ImportOutcome.Updated, Assert.Single(report.Files, f => f.SourceFile == name).Outcome);
        Assert.Equal(4, report.Count(ImportOutcome.Unchanged));
        var article = await fixture.QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.SourceFile == name));
        Assert.Equal(articleId, article.Id);
        Assert.EndsWith("add a paragraph.\n", article.RawText, StringComparison.Ordinal);
        var claimsAfter = await fixture.QueryAsync(db => db.Claims.AsNoTracking().ToDictionaryAsync(c => c.Key, c => c.Id));
        var actorsAfter = await fixture.QueryAsync(db => db.Actors.AsNoTracking().ToDictionaryAsync(a => a.Key, a => a.Id));
        Assert.Equal(claimsBefore, claimsAfter);
        Assert.Equal(actorsBefore, actorsAfter);
        // Its reports were replaced, not added to.
        var reportsOfArticle = await fixture.QueryAsync(db => db.ClaimReports.CountAsync(r => r.ArticleId == articleId));
        await File.AppendAllTextAsync(fixture.PathOf(name), "\nA second note.\n");
        await fixture.ImportAsync();
        Assert.Equal(reportsOfArticle, await fixture.QueryAsync(db => db.ClaimReports.CountAsync(r => r.ArticleId == articleId)));
    }

    [Fact]
    public async Task Correcting_a_place_in_a_changed_article_clears_the_discrepancy_and_a_removed_sentence_takes_its_report_along()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await fixture.ImportAsync();
        Assert.True(await HasSoporeDiscrepancyAsync(fixture));
        var denialsBefore = await fixture.QueryAsync(db => db.Claims.Where(c => c.Kind == Extraction.Claims.ClaimKind.Denial).Select(c => c.Key).ToListAsync());
        Assert.True(await DismissalReportedAsync(fixture));

        var newAgeIslam = Directory.GetFiles(fixture.Folder, "003_*.txt").Single();
        await File.WriteAllTextAsync(newAgeIslam, (await File.ReadAllTextAsync(newAgeIslam)).Replace("in an encounter in Sopore", "in an encounter in Shopian", StringComparison.Ordinal));
        var telegraph = Directory.GetFiles(fixture.Folder, "002_*.txt").Single();
        var text = await File.ReadAllTextAsync(telegraph);
        var dismissal = text.Split('\n').Single(l => l.Contains("pure propaganda", StringComparison.Ordinal));
        await File.WriteAllTextAsync(telegraph, text.Replace(dismissal, "", StringComparison.Ordinal));
        var report = await fixture.ImportAsync();

        Assert.Equal(2, report.Count(ImportOutcome.Updated));
        Assert.False(await HasSoporeDiscrepancyAsync(fixture));
        var denialsAfter = await fixture.QueryAsync(db => db.Claims.Where(c => c.Kind == Extraction.Claims.ClaimKind.Denial).Select(c => c.Key).ToListAsync());
        // The police's denial is also quoted by the official's words, so the claim stays; the removed sentence's report goes.
        Assert.False(await DismissalReportedAsync(fixture), "the removed sentence's report is gone");
        Assert.Subset(denialsBefore.ToHashSet(), denialsAfter.ToHashSet());

        static Task<bool> DismissalReportedAsync(ImportFixture fixture) =>
            fixture.QueryAsync(db => db.ClaimReports.AnyAsync(r => r.Quote.Contains("pure propaganda")));
    }

    [Fact]
    public async Task An_import_cancelled_after_a_chunk_leaves_that_chunk_with_its_discrepancies_and_the_rerun_completes()
    {
        await using var fixture = ImportFixture.WithSeeds();
        for (var i = 0; i < 300; i++)
        {
            await File.WriteAllTextAsync(fixture.PathOf($"zz_filler_{i:D3}.txt"), $"Market day in Tessaly number {i}\n\nTraders in Tessaly reported a quiet market day, officials said.\n");
        }

        await fixture.ImportAndCancelAfterFirstChunkAsync();

        Assert.True(await HasSoporeDiscrepancyAsync(fixture), "the first chunk held the seeds: its discrepancies were committed with it");
        var report = await fixture.ImportAsync();
        Assert.Equal(305, await fixture.QueryAsync(db => db.Articles.CountAsync()));
        Assert.False(report.AnyFailed);
        Assert.True(await HasSoporeDiscrepancyAsync(fixture));
    }

    [Fact]
    public async Task Two_files_with_the_same_name_in_one_run_are_refused_instead_of_overwriting_each_other()
    {
        await using var fixture = ImportFixture.WithSeeds();
        var other = Directory.CreateDirectory(Path.Combine(fixture.App.Folder, "other")).FullName;
        var name = Path.GetFileName(Directory.GetFiles(fixture.Folder, "002_*.txt").Single());
        await File.WriteAllTextAsync(Path.Combine(other, name), "A different article with the same file name\n\nIts body says something else entirely.\n");

        var report = await fixture.ImportAsync(fixture.Folder, other);

        var refused = Assert.Single(report.Files, f => f.Outcome == ImportOutcome.Failed);
        Assert.StartsWith("same name as " + fixture.Folder, refused.Message, StringComparison.Ordinal);
        var again = await fixture.ImportAsync(fixture.Folder, other);
        Assert.Equal(5, again.Count(ImportOutcome.Unchanged));
    }

    [Fact]
    public async Task A_second_import_while_one_runs_is_told_so_and_changes_nothing()
    {
        await using var fixture = ImportFixture.WithSeeds();
        await fixture.QueryAsync(db => db.Articles.CountAsync()); // starts the app and creates the database
        using (new FileStream(fixture.App.DatabasePath + ".import-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var error = await Assert.ThrowsAsync<ImportAbortedException>(() => fixture.ImportAsync());
            Assert.Contains("another import is running", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(0, await fixture.QueryAsync(db => db.Articles.CountAsync()));
        Assert.Equal(5, (await fixture.ImportAsync()).Count(ImportOutcome.New));
    }

    [Fact]
    public async Task An_event_says_what_most_outlets_say_even_when_the_outlier_is_imported_first()
    {
        await using var fixture = ImportFixture.WithSeeds();
        var folder = Directory.CreateDirectory(Path.Combine(fixture.App.Folder, "raid")).FullName;
        foreach (var (file, district, outlet) in new[] { ("a.txt", "Northfield", "Harbour Times"), ("b.txt", "Southmoor", "Daily Meridian"), ("c.txt", "Southmoor", "Continental Wire") })
        {
            await File.WriteAllTextAsync(Path.Combine(folder, file), $"""
                Gunmen kill six police officers in {district} district

                {outlet}

                14 March 2021

                LAGOS: Gunmen attacked a police post in {district} district of Nigeria on 12 March 2021, killing at least six officers, police said.

                No group has claimed the attack, which officials blamed on bandits operating in the area.
                """);
        }

        await fixture.ImportAsync(folder);

        var raid = await fixture.QueryAsync(db => db.Events.AsNoTracking().Include(e => e.Reports).SingleAsync(e => e.Date == new DateOnly(2021, 3, 12)));
        Assert.Equal(3, raid.Reports.Select(r => r.ArticleId).Distinct().Count());
        Assert.Equal("Southmoor", raid.District);
        Assert.True(await fixture.QueryAsync(db => db.DiscrepancyValues.AnyAsync(v => v.Value.Contains("Northfield"))));
    }

    private static Task<bool> HasSoporeDiscrepancyAsync(ImportFixture fixture) => fixture.QueryAsync(db =>
        db.DiscrepancyValues.AnyAsync(v => v.Value.Contains("Sopore")));

    public static TheoryData<string, byte[], string> BadFiles()
    {
        var invalid = Encoding.UTF8.GetBytes("A perfectly good title\n\nThe body goes on until here: ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(" and on.\n")).ToArray();
        return new TheoryData<string, byte[], string>
        {
            { "empty.txt", [], "empty" },
            { "blank.txt", Encoding.UTF8.GetBytes("  \n\n \r\n"), "whitespace" },
            { "binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52], "binary" },
            { "latin1.txt", invalid, "UTF-8" },
            { "latin1-offset.txt", invalid, (invalid.Length - 11).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_fails_with_a_clear_reason_and_the_others_are_still_imported(string name, byte[] content, string reasonContains)
    {
        await using var fixture = ImportFixture.WithSeeds();
        await File.WriteAllBytesAsync(fixture.PathOf(name), content);

        var report = await fixture.ImportAsync();

        var failed = Assert.Single(report.Files, f => f.Outcome == ImportOutcome.Failed);
        Assert.Equal(name, failed.SourceFile);
        Assert.Contains(reasonContains, failed.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5, report.Count(ImportOutcome.New));
        Assert.False(await fixture.QueryAsync(db => db.Articles.AnyAsync(a => a.SourceFile == name)));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_without_being_read()
    {
        await using var fixture = ImportFixture.WithSeeds();
        fixture.App.With("ClaimReview:MaxArticleBytes", "3000");

        var report = await fixture.ImportAsync();

        var refused = report.Files.Where(f => f.Outcome == ImportOutcome.Failed).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, f => Assert.Contains("limit", f.Message, StringComparison.Ordinal));
        Assert.All(refused, f => Assert.True(new FileInfo(fixture.PathOf(f.SourceFile)).Length > 3000));
        Assert.Contains(report.Files, f => f.Outcome == ImportOutcome.New);
    }

    [Fact]
    public async Task A_path_that_does_not_exist_is_reported_and_does_not_stop_the_import()
    {
        await using var fixture = ImportFixture.WithSeeds();

        var report = await fixture.ImportAsync(fixture.Folder, Path.Combine(fixture.Folder, "nope.txt"));

        Assert.Equal("no such file or folder", Assert.Single(report.Files, f => f.Outcome == ImportOutcome.Failed).Message);
        Assert.Equal(5, report.Count(ImportOutcome.New));
    }

    [Fact]
    public async Task A_crash_half_way_through_writing_an_article_leaves_the_database_as_it_was_for_that_file()
    {
        await using var clean = ImportFixture.WithSeeds();
        await clean.ImportAsync();
        await using var fixture = ImportFixture.WithSeeds();
        var victim = Directory.GetFiles(fixture.Folder, "000_*.txt").Single();
        File.Copy(victim, fixture.PathOf("victim.txt"));
        await fixture.QueryAsync(db => db.Database.ExecuteSqlRawAsync("SELECT 1")); // creates the schema
        await using (var connection = new SqliteConnection(new DatabaseOptions { Path = fixture.App.DatabasePath }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var trigger = connection.CreateCommand();
            // The article row, its segments, actors and mentions are written before claim reports: fail there.
            trigger.CommandText = """
                CREATE TRIGGER crash BEFORE INSERT ON claim_reports
                WHEN NEW.article_id = (SELECT id FROM articles WHERE source_file = 'victim.txt')
                BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;
                """;
            await trigger.ExecuteNonQueryAsync();
        }

        var report = await fixture.ImportAsync();

        var failed = Assert.Single(report.Files, f => f.Outcome == ImportOutcome.Failed);
        Assert.Equal("victim.txt", failed.SourceFile);
        Assert.Contains("simulated crash", failed.Message, StringComparison.Ordinal);
        Assert.Equal(5, report.Count(ImportOutcome.New));
        // Nothing of the victim remains: the database equals one that never saw it.
        Assert.Equal(await clean.CountRowsAsync(), await fixture.CountRowsAsync());
    }
}
