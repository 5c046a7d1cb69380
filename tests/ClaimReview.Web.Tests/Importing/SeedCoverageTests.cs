using ClaimReview.Extraction.Claims;
using ClaimReview.Extraction.Recognition;
using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Importing;

/// <summary>What an analyst checks after importing the seed cluster: one record per real-world thing, reported by many outlets.</summary>
public sealed class SeedCoverageTests : IAsyncLifetime
{
    private ImportFixture _fixture = null!;

    public async Task InitializeAsync()
    {
        _fixture = ImportFixture.WithSeeds();
        await _fixture.ImportAsync();
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task The_islamic_state_is_one_actor_under_all_its_names()
    {
        var actor = await _fixture.QueryAsync(db => db.Actors.AsNoTracking().Include(a => a.Aliases).SingleAsync(a => a.Key == ActorKeys.For("Islamic State")));
        var mentioned = await _fixture.QueryAsync(db => db.ActorMentions.Where(m => m.ActorId == actor.Id).Select(m => m.Text).Distinct().ToListAsync());

        Assert.Equal(ActorKind.ArmedGroup, actor.Kind);
        Assert.Superset(new HashSet<string> { "ISIS", "IS", "Isis", "Daesh", "Islamic State" }, mentioned.ToHashSet());
        var articles = await _fixture.QueryAsync(db => db.ActorMentions.Where(m => m.ActorId == actor.Id).Select(m => m.ArticleId).Distinct().CountAsync());
        Assert.Equal(5, articles);
    }

    [Fact]
    public async Task The_hind_province_is_a_branch_of_the_islamic_state()
    {
        var province = await _fixture.QueryAsync(db => db.ActorMentions.AsNoTracking()
            .Where(m => m.Text == "Wilayah of Hind").Join(db.Actors, m => m.ActorId, a => a.Id, (m, a) => a).Include(a => a.Parent).FirstAsync());
        var names = await _fixture.QueryAsync(db => db.ActorMentions.Where(m => m.ActorId == province.Id).Select(m => m.Text).Distinct().ToListAsync());

        Assert.Equal(ActorKind.GroupBranch, province.Kind);
        Assert.Equal(ActorKeys.For("Islamic State"), province.Parent?.Key);
        Assert.Contains("Hind Province", names);
        Assert.Contains(names, n => n.StartsWith("Wilayat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_province_claim_is_one_record_quoted_by_all_five_articles()
    {
        var claims = await _fixture.QueryAsync(db => db.Claims.AsNoTracking()
            .Where(c => c.Kind == ClaimKind.Territorial)
            .Select(c => new { c.Id, Articles = c.Reports.Select(r => r.ArticleId).Distinct().Count(), Reports = c.Reports.ToList() })
            .ToListAsync());
        var province = claims.OrderByDescending(c => c.Articles).First();

        Assert.Equal(5, province.Articles);
        var articles = await _fixture.QueryAsync(db => db.Articles.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.RawText));
        Assert.All(province.Reports, r => Assert.Equal(articles[r.ArticleId][r.Start..r.End], r.Quote));
    }

    [Fact]
    public async Task The_shopian_clash_is_dated_10_may_2019_and_the_sopore_report_is_a_place_discrepancy()
    {
        var discrepancy = await _fixture.QueryAsync(db => db.Discrepancies.AsNoTracking().Include(d => d.Values)
            .Where(d => d.SubjectType == SubjectType.Event && d.Field == "place").ToListAsync());
        var sopore = Assert.Single(discrepancy, d => d.Values.Any(v => v.Value.Contains("Sopore", StringComparison.Ordinal)));
        Assert.Contains(sopore.Values, v => v.Value.Contains("Shopian", StringComparison.Ordinal));

        var clash = await _fixture.QueryAsync(db => db.Events.AsNoTracking().Include(e => e.Reports).SingleAsync(e => e.Id == sopore.SubjectId));
        Assert.Equal(new DateOnly(2019, 5, 10), clash.Date);
        Assert.True(clash.Reports.Select(r => r.ArticleId).Distinct().Count() >= 4, "most seed articles report the clash");
    }

    [Fact]
    public async Task Compatible_tolls_are_not_discrepancies()
    {
        // "at least 253" and "more than 250" for the Easter Sunday bombings agree.
        var tolls = await _fixture.QueryAsync(db => db.Discrepancies.AsNoTracking().Include(d => d.Values).Where(d => d.Field == "killed").ToListAsync());
        Assert.DoesNotContain(tolls, d => d.Values.Any(v => v.Quote.Contains("253", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_police_dismissal_counters_the_province_claim()
    {
        var counters = await _fixture.QueryAsync(db => db.ClaimCounters.AsNoTracking()
            .Join(db.Claims, c => c.ClaimId, c => c.Id, (link, claim) => new { claim.Kind, link.CounteredClaimId })
            .Join(db.Claims, x => x.CounteredClaimId, c => c.Id, (x, countered) => new { Counter = x.Kind, Countered = countered.Kind })
            .ToListAsync());
        Assert.Contains(counters, c => c.Counter == ClaimKind.Denial && c.Countered == ClaimKind.Territorial);
    }
}
