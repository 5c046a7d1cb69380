using ClaimReview.Web.Data;
using ClaimReview.Web.Review;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Claims;

/// <summary>
/// An editor's links between a claim and events or other claims. Removing a link the importer made records a
/// suppression so the next import does not make it again; adding a link back lifts the suppression.
/// </summary>
public sealed class ClaimLinks(ClaimReviewDb db)
{
    public async Task<EditResult> LinkEventAsync(long claimId, long eventId, CancellationToken cancellationToken)
    {
        if (!await db.Events.AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            return EditResult.Fail("Choose an event to link.");
        }
        if (await db.ClaimEvents.AnyAsync(x => x.ClaimId == claimId && x.EventId == eventId, cancellationToken))
        {
            return EditResult.Fail("The claim is already linked to that event.");
        }
        db.ClaimEvents.Add(new ClaimEvent { ClaimId = claimId, EventId = eventId });
        db.SuppressedClaimEvents.RemoveRange(await db.SuppressedClaimEvents.Where(s => s.ClaimId == claimId && s.EventId == eventId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        ReviewStore.RecomputeEvents(db, [eventId]);
        return EditResult.Ok;
    }

    public async Task<EditResult> UnlinkEventAsync(long claimId, long eventId, CancellationToken cancellationToken)
    {
        var link = await db.ClaimEvents.FirstOrDefaultAsync(x => x.ClaimId == claimId && x.EventId == eventId, cancellationToken);
        if (link is null)
        {
            return EditResult.Fail("The claim is no longer linked to that event.");
        }
        db.ClaimEvents.Remove(link);
        if (!await db.SuppressedClaimEvents.AnyAsync(s => s.ClaimId == claimId && s.EventId == eventId, cancellationToken))
        {
            db.SuppressedClaimEvents.Add(new SuppressedClaimEvent { ClaimId = claimId, EventId = eventId });
        }
        await db.SaveChangesAsync(cancellationToken);
        ReviewStore.RecomputeEvents(db, [eventId]);
        return EditResult.Ok;
    }

    /// <summary>Records that <paramref name="claimId"/> counters (disputes) <paramref name="counteredClaimId"/>.</summary>
    public async Task<EditResult> MarkCounterAsync(long claimId, long counteredClaimId, CancellationToken cancellationToken)
    {
        if (claimId == counteredClaimId)
        {
            return EditResult.Fail("A claim cannot counter itself.");
        }
        if (await db.Claims.CountAsync(c => c.Id == claimId || c.Id == counteredClaimId, cancellationToken) != 2)
        {
            return EditResult.Fail("Choose a claim.");
        }
        if (await db.ClaimCounters.AnyAsync(x => x.ClaimId == claimId && x.CounteredClaimId == counteredClaimId, cancellationToken))
        {
            return EditResult.Fail("That counter-claim is already recorded.");
        }
        db.ClaimCounters.Add(new ClaimCounter { ClaimId = claimId, CounteredClaimId = counteredClaimId });
        db.SuppressedClaimCounters.RemoveRange(await db.SuppressedClaimCounters
            .Where(s => s.ClaimId == claimId && s.CounteredClaimId == counteredClaimId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Ok;
    }

    public async Task<EditResult> UnmarkCounterAsync(long claimId, long counteredClaimId, CancellationToken cancellationToken)
    {
        var link = await db.ClaimCounters.FirstOrDefaultAsync(x => x.ClaimId == claimId && x.CounteredClaimId == counteredClaimId, cancellationToken);
        if (link is null)
        {
            return EditResult.Fail("That counter-claim is no longer recorded.");
        }
        db.ClaimCounters.Remove(link);
        if (!await db.SuppressedClaimCounters.AnyAsync(s => s.ClaimId == claimId && s.CounteredClaimId == counteredClaimId, cancellationToken))
        {
            db.SuppressedClaimCounters.Add(new SuppressedClaimCounter { ClaimId = claimId, CounteredClaimId = counteredClaimId });
        }
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Ok;
    }
}
