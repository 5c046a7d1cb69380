using ClaimReview.Extraction.Recognition;
using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Importing;

/// <summary>
/// The actor lexicon lives in the database: the curated file (embedded in the extraction library) is loaded on the
/// first import, and every import builds its lexicon from the database, so editors' alias changes reach the next import.
/// </summary>
public static class LexiconStore
{
    public sealed record Loaded(IReadOnlyList<LexiconEntry> Entries, IReadOnlyDictionary<string, long> ActorIdByLexiconKey);

    public static async Task EnsureSeededAsync(ClaimReviewDb db, CancellationToken cancellationToken)
    {
        if (await db.Actors.AnyAsync(a => a.Origin == ActorOrigin.Lexicon, cancellationToken))
        {
            return;
        }
        var entries = DefaultLexicon.Load();
        var byKey = new Dictionary<string, Actor>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = ActorKeys.For(entry.Name);
            if (byKey.ContainsKey(key))
            {
                continue;
            }
            var actor = await db.Actors.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Key == key, cancellationToken);
            if (actor is null)
            {
                actor = new Actor { Key = key, Name = entry.Name, Kind = entry.Kind, Origin = ActorOrigin.Lexicon };
                db.Actors.Add(actor);
            }
            foreach (var alias in entry.Aliases.Distinct(StringComparer.Ordinal))
            {
                if (!actor.Aliases.Any(a => a.Text == alias))
                {
                    actor.Aliases.Add(new ActorAlias { Text = alias });
                }
            }
            byKey[key] = actor;
        }
        foreach (var entry in entries.Where(e => e.ParentName is not null))
        {
            if (byKey.TryGetValue(ActorKeys.For(entry.Name), out var child) && byKey.TryGetValue(ActorKeys.For(entry.ParentName!), out var parent) && child.Parent is null)
            {
                child.Parent = parent;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Lexicon entries for curated and edited actors, with their current names, aliases and parents.</summary>
    public static async Task<Loaded> LoadAsync(ClaimReviewDb db, CancellationToken cancellationToken)
    {
        var actors = await db.Actors.AsNoTracking()
            .Where(a => a.Origin != ActorOrigin.Discovered)
            .Select(a => new { a.Id, a.Name, a.Kind, ParentName = a.Parent == null ? null : a.Parent.Name, Aliases = a.Aliases.Select(x => x.Text).ToList() })
            .ToListAsync(cancellationToken);
        var entries = new List<LexiconEntry>(actors.Count);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        // The database keeps no areas: the curated file's areas (the country a province or an army belongs to) are
        // taken by key, so "al-Shabaab" in Mozambique and "the army" in Mali resolve on import as in tests.
        var areas = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var entry in DefaultLexicon.Load())
        {
            if (entry.Areas is { Count: > 0 })
            {
                areas.TryAdd(ActorKeys.For(entry.Name), entry.Areas);
            }
        }
        foreach (var actor in actors)
        {
            entries.Add(new LexiconEntry(actor.Name, actor.Kind, actor.Aliases, actor.ParentName, areas.GetValueOrDefault(ActorKeys.For(actor.Name))));
            ids.TryAdd(ActorKeys.For(actor.Name), actor.Id);
        }
        return new Loaded(entries, ids);
    }
}
