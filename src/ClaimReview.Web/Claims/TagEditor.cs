using System.Globalization;
using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Claims;

/// <summary>
/// Creating, renaming, merging and deleting tags, and putting them on claims. Changes go through tracked entities so
/// each claim that gains or loses a tag gets its own audit entry; a link is removed while its tag still exists, so the
/// entry names the tag.
/// </summary>
public sealed class TagEditor(ClaimReviewDb db)
{
    public async Task<TagResult> CreateAsync(string? name, CancellationToken cancellationToken)
    {
        var normalized = TagNames.Normalize(name);
        if (TagNames.Problem(normalized) is { } problem)
        {
            return TagResult.Fail(problem);
        }
        if (await FindAsync(normalized, cancellationToken) is { } existing)
        {
            return TagResult.Fail($"A tag named \u201c{existing.Name}\u201d already exists.");
        }
        var tag = new Tag { Name = normalized };
        db.Tags.Add(tag);
        await db.SaveChangesAsync(cancellationToken);
        return TagResult.Of(tag);
    }

    /// <summary>The tag with this name in any case, made if there is none.</summary>
    public async Task<TagResult> FindOrCreateAsync(string? name, CancellationToken cancellationToken)
    {
        var normalized = TagNames.Normalize(name);
        if (TagNames.Problem(normalized) is { } problem)
        {
            return TagResult.Fail(problem);
        }
        return await FindAsync(normalized, cancellationToken) is { } existing ? TagResult.Of(existing) : await CreateAsync(normalized, cancellationToken);
    }

    /// <summary>The tag named <paramref name="name"/> (any case), tracked, or null.</summary>
    public async Task<Tag?> FindAsync(string name, CancellationToken cancellationToken)
    {
        // Few tags exist, and SQLite's lower() knows only ASCII: compare in memory.
        var id = (await db.Tags.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
            .FirstOrDefault(t => TagNames.Same(t.Name, name))?.Id;
        return id is null ? null : await db.Tags.FindAsync([id.Value], cancellationToken);
    }

    public async Task<EditResult> RenameAsync(Tag tag, string? name, CancellationToken cancellationToken)
    {
        var normalized = TagNames.Normalize(name);
        if (TagNames.Problem(normalized) is { } problem)
        {
            return EditResult.Fail(problem);
        }
        if (await FindAsync(normalized, cancellationToken) is { } other && other.Id != tag.Id)
        {
            return EditResult.Fail($"A tag named \u201c{other.Name}\u201d already exists; merge into it instead.");
        }
        tag.Name = normalized;
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Ok;
    }

    /// <summary>Every claim tagged <paramref name="from"/> gets <paramref name="into"/>, then <paramref name="from"/> is deleted.</summary>
    public async Task<EditResult> MergeAsync(Tag from, Tag into, CancellationToken cancellationToken)
    {
        if (from.Id == into.Id)
        {
            return EditResult.Fail("Choose another tag to merge into.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var links = await db.ClaimTags.Where(x => x.TagId == from.Id).ToListAsync(cancellationToken);
        var already = (await db.ClaimTags.Where(x => x.TagId == into.Id).Select(x => x.ClaimId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var link in links)
        {
            db.ClaimTags.Remove(link);
            if (already.Add(link.ClaimId))
            {
                db.ClaimTags.Add(new ClaimTag { ClaimId = link.ClaimId, TagId = into.Id });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        db.Record("tag", Id(from.Id), AuditAction.Merged, "merged_into", from.Name, into.Name);
        db.Tags.Remove(from);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EditResult.Ok;
    }

    public async Task DeleteAsync(Tag tag, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ClaimTags.RemoveRange(await db.ClaimTags.Where(x => x.TagId == tag.Id).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        db.Tags.Remove(tag);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Puts <paramref name="tag"/> on each claim that lacks it; returns how many claims gained it.</summary>
    public async Task<int> TagAsync(Tag tag, IReadOnlyCollection<long> claimIds, CancellationToken cancellationToken)
    {
        var already = await db.ClaimTags.Where(x => x.TagId == tag.Id && claimIds.Contains(x.ClaimId)).Select(x => x.ClaimId).ToListAsync(cancellationToken);
        var existing = await db.Claims.Where(c => claimIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        var added = existing.Except(already).ToList();
        db.ClaimTags.AddRange(added.Select(id => new ClaimTag { ClaimId = id, TagId = tag.Id }));
        await db.SaveChangesAsync(cancellationToken);
        return added.Count;
    }

    public async Task<EditResult> UntagAsync(long claimId, long tagId, CancellationToken cancellationToken)
    {
        var link = await db.ClaimTags.FirstOrDefaultAsync(x => x.ClaimId == claimId && x.TagId == tagId, cancellationToken);
        if (link is null)
        {
            return EditResult.Fail("The claim no longer has that tag.");
        }
        db.ClaimTags.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Ok;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
