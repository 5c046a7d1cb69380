using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Actors;

/// <summary>Parents and branches: an actor is never its own ancestor.</summary>
public static class ActorHierarchy
{
    /// <summary>Whether <paramref name="ancestorId"/> is <paramref name="actorId"/> itself or one of its ancestors (parent, parent's parent ...).</summary>
    public static async Task<bool> IsSelfOrAncestorAsync(ClaimReviewDb db, long ancestorId, long actorId, CancellationToken cancellationToken)
    {
        var seen = new HashSet<long>();
        long? current = actorId;
        while (current is { } id && seen.Add(id))
        {
            if (id == ancestorId)
            {
                return true;
            }
            current = await db.Actors.AsNoTracking().Where(a => a.Id == id).Select(a => a.ParentId).FirstOrDefaultAsync(cancellationToken);
        }
        return false;
    }
}
