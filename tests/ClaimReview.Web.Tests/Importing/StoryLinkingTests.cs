using ClaimReview.Extraction.Claims;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Importing;

/// <summary>Two outlets' articles on one story, in their own words, spellings and date expressions, land on one record each.</summary>
public sealed class StoryLinkingTests
{
    private const string Wire = """
        Boko Haram claims deadly raid on Chad border post

        April 9, 2024

        N'DJAMENA (Agency) — Gunmen attacked a border post in the town of Vostari, Chad, on Monday, killing at least seven guards, officials said.

        Boko Haram claimed responsibility for the attack on the border post in a statement posted online.
        """;

    private const string Local = """
        Seven guards die as border post is stormed

        Seven guards were killed when gunmen stormed a customs and border post in the town of Vosstari in Chad late on Monday, a security source said.

        Boko Haram claimed responsibility for the attack on the border post in a statement posted online.

        Traders said the crossing stayed closed on the next day.
        """;

    [Fact]
    public async Task Two_articles_of_one_story_in_different_words_land_on_one_event_and_one_claim()
    {
        await using var fixture = ImportFixture.WithSeeds();
        var folder = Directory.CreateDirectory(Path.Combine(fixture.App.Folder, "story")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a_wire.txt"), Wire);
        await File.WriteAllTextAsync(Path.Combine(folder, "b_local.txt"), Local);

        var report = await fixture.ImportAsync(folder);

        Assert.False(report.AnyFailed);
        var events = await fixture.QueryAsync(db => db.EventReports.AsNoTracking()
            .Join(db.Articles, r => r.ArticleId, a => a.Id, (r, a) => new { r.EventId, a.SourceFile }).ToListAsync());
        var eventArticles = events.GroupBy(e => e.EventId).Select(g => g.Select(e => e.SourceFile).Distinct().Count()).ToList();
        Assert.Equal(2, Assert.Single(eventArticles));
        var claims = await fixture.QueryAsync(db => db.ClaimReports.AsNoTracking().Where(r => r.Quote.StartsWith("Boko Haram claimed"))
            .Join(db.Articles, r => r.ArticleId, a => a.Id, (r, a) => new { r.ClaimId, a.SourceFile }).ToListAsync());
        Assert.Equal(2, claims.Count);
        Assert.Single(claims.Select(c => c.ClaimId).Distinct());
        // The undated article's report joins the event, whose date is the day the dated one gives.
        var day = await fixture.QueryAsync(db => db.Events.AsNoTracking().Where(e => e.Id == events[0].EventId).Select(e => e.Date).SingleAsync());
        Assert.Equal(new DateOnly(2024, 4, 8), day);
    }

    [Fact]
    public async Task A_group_toll_imported_first_becomes_its_claim_of_responsibility_when_another_outlet_gives_the_claim()
    {
        await using var fixture = ImportFixture.WithSeeds();
        var folder = Directory.CreateDirectory(Path.Combine(fixture.App.Folder, "statement")).FullName;
        // The first outlet gives only the group's toll; the second its claim of the attack and the same toll.
        await File.WriteAllTextAsync(Path.Combine(folder, "a_toll.txt"), """
            Militants say they killed nine guards at Vostari

            April 10, 2024

            Boko Haram said its fighters clashed with guards at the border post in the town of Vostari, Chad, on Monday, killing and wounding nine of them.

            Traders said the crossing stayed closed.
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "b_claim.txt"), """
            Boko Haram claims raid on Vostari border post

            April 11, 2024

            Boko Haram claimed responsibility on Tuesday for Monday's attack on the border post in the town of Vostari, Chad.

            The group said its fighters killed nine guards in the attack.
            """);

        Assert.False((await fixture.ImportAsync(folder)).AnyFailed);

        var claims = await fixture.QueryAsync(db => db.ClaimReports.AsNoTracking().Where(r => r.Quote.Contains("Boko Haram") || r.Quote.StartsWith("The group said"))
            .Join(db.Articles.Where(a => a.SourceFile == "a_toll.txt" || a.SourceFile == "b_claim.txt"), r => r.ArticleId, a => a.Id, (r, a) => new { r.ClaimId, a.SourceFile })
            .Join(db.Claims, x => x.ClaimId, c => c.Id, (x, c) => new { x.ClaimId, x.SourceFile, c.Kind, c.Summary })
            .ToListAsync());
        Assert.Single(claims.Select(c => c.ClaimId).Distinct());
        Assert.Equal(["a_toll.txt", "b_claim.txt"], claims.Select(c => c.SourceFile).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(ClaimKind.Responsibility, claims[0].Kind);
        Assert.Contains("responsibility", claims[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undated_first_report_and_a_dated_one_imported_later_land_on_one_event()
    {
        await using var fixture = ImportFixture.WithSeeds();
        var first = Directory.CreateDirectory(Path.Combine(fixture.App.Folder, "first")).FullName;
        var later = Directory.CreateDirectory(Path.Combine(fixture.App.Folder, "later")).FullName;
        // The first says only the country; the second, imported in another run, names the town and the day.
        await File.WriteAllTextAsync(Path.Combine(first, "brief.txt"), """
            Attack on a mosque in Chad

            April 10, 2024

            Police in Chad are investigating an attack on a mosque in which two worshippers were killed, a police spokesman said.
            """);
        await File.WriteAllTextAsync(Path.Combine(later, "report.txt"), """
            Two killed in mosque attack in Vostari

            April 11, 2024

            Gunmen attacked a mosque in the town of Vostari, Chad, on Monday, killing two worshippers, police said.
            """);

        Assert.False((await fixture.ImportAsync(first)).AnyFailed);
        Assert.False((await fixture.ImportAsync(later)).AnyFailed);

        var events = await fixture.QueryAsync(db => db.EventReports.AsNoTracking()
            .Join(db.Articles.Where(a => a.SourceFile == "brief.txt" || a.SourceFile == "report.txt"), r => r.ArticleId, a => a.Id, (r, a) => new { r.EventId, a.SourceFile })
            .ToListAsync());
        Assert.Equal(["brief.txt", "report.txt"], events.Select(e => e.SourceFile).Distinct().Order(StringComparer.Ordinal));
        Assert.Single(events.Select(e => e.EventId).Distinct());
    }
}
