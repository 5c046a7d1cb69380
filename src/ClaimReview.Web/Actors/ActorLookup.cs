using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Actors;

/// <summary>
/// Finds the actor a person means by a name typed into a form (a parent, an event participant): the actor's own name
/// first, then an alias that only one actor has. Case-sensitive, like aliases.
/// </summary>
public static class ActorLookup
{
    /// <summary>How many names a form's suggestion list offers at most.</summary>
    public const int SuggestionLimit = 5000;

    /// <summary>The actor found, or why none could be chosen (a message for the person who typed the name).</summary>
    public sealed record Match(long? Id, string? Name, string? Error)
    {
        public static Match Found(long id, string name) => new(id, name, null);

        public static Match Failed(string error) => new(null, null, error);
    }

    public static async Task<Match> FindAsync(ClaimReviewDb db, string? typed, CancellationToken cancellationToken)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Match.Failed("Type the actor's name.");
        }
        var byName = await db.Actors.AsNoTracking().Where(a => a.Name == text).Select(a => new { a.Id, a.Name }).Take(3).ToListAsync(cancellationToken);
        if (byName.Count == 1)
        {
            return Match.Found(byName[0].Id, byName[0].Name);
        }
        if (byName.Count > 1)
        {
            return Match.Failed($"Several actors are called “{text}”; merge the duplicates first, or rename one of them.");
        }
        var byAlias = await db.ActorAliases.AsNoTracking().Where(x => x.Text == text)
            .Join(db.Actors, x => x.ActorId, a => a.Id, (x, a) => new { a.Id, a.Name }).Distinct().Take(4).ToListAsync(cancellationToken);
        return byAlias.Count switch
        {
            1 => Match.Found(byAlias[0].Id, byAlias[0].Name),
            0 => Match.Failed($"No actor is called “{text}”. Type the name as the actor list shows it."),
            _ => Match.Failed($"“{text}” is a name of several actors ({string.Join(", ", byAlias.Select(a => a.Name).Order(StringComparer.Ordinal))}); type the actor's own name."),
        };
    }

    /// <summary>Actor names to suggest while typing (a datalist), in alphabetical order.</summary>
    public static async Task<IReadOnlyList<string>> SuggestionsAsync(ClaimReviewDb db, CancellationToken cancellationToken) =>
        await db.Actors.AsNoTracking().Select(a => a.Name).Distinct().OrderBy(n => n).Take(SuggestionLimit).ToListAsync(cancellationToken);
}
