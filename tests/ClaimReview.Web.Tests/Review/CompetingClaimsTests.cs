using ClaimReview.Web.Claims;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Importing;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Review;

/// <summary>Two groups claiming one attack is a discrepancy of the event ("perpetrator"), and it follows an editor's
/// correction of the claims at once.</summary>
public sealed class CompetingClaimsTests
{
    [Fact]
    public async Task Two_groups_claiming_one_attack_show_as_a_perpetrator_discrepancy_until_an_editor_unlinks_one_claim()
    {
        await using var fixture = ImportFixture.WithSeeds();
        var report = await fixture.ImportTextsAsync("rivals", ("a_wire.txt", """
            Pakistani Taliban claim raid on police post in Khyber Pakhtunkhwa

            March 4, 2025

            PESHAWAR (Agency) — Militants attacked a police post in the town of Darakhel in Khyber Pakhtunkhwa, Pakistan, on Monday night, killing five policemen, officials said.

            Tehrik-i-Taliban Pakistan claimed responsibility for the attack on the police post in a statement.
            """), ("b_daily.txt", """
            Two groups claim Darakhel police post attack

            March 5, 2025

            Five policemen were killed when militants stormed a police post in the town of Darakhel in Khyber Pakhtunkhwa, Pakistan, on Monday night, police said.

            Tehrik-i-Taliban Pakistan claimed responsibility for the attack on the police post.

            Hours later Lashkar-e-Jhangvi also claimed responsibility for the attack on the police post in Darakhel.
            """));

        Assert.False(report.AnyFailed);

        var perpetrator = await PerpetratorAsync(fixture);
        Assert.NotNull(perpetrator);
        var values = perpetrator.Value.Values;
        Assert.Contains(values, v => v.Value == "Tehrik-i-Taliban Pakistan");
        Assert.Contains(values, v => v.Value == "Lashkar-e-Jhangvi" && v.Quote.StartsWith("Hours later", StringComparison.Ordinal));

        // The editor decides the second group's claim is about something else: the event no longer shows two claimants.
        var rival = await fixture.QueryAsync(db => db.ClaimReports.AsNoTracking().Where(r => r.Quote.StartsWith("Hours later")).Select(r => r.ClaimId).SingleAsync());
        var result = await fixture.App.AsEditorAsync((_, db) => new ClaimLinks(db).UnlinkEventAsync(rival, perpetrator.Value.EventId, default));
        Assert.True(result.Succeeded, result.Error);
        Assert.Null(await PerpetratorAsync(fixture));
    }

    private static async Task<(long EventId, List<DiscrepancyValue> Values)?> PerpetratorAsync(ImportFixture fixture)
    {
        var found = await fixture.QueryAsync(db => db.Discrepancies.AsNoTracking().Include(d => d.Values)
            .Where(d => d.SubjectType == SubjectType.Event && d.Field == "perpetrator").ToListAsync());
        Assert.True(found.Count <= 1);
        return found.Count == 0 ? null : (found[0].SubjectId, found[0].Values);
    }
}
