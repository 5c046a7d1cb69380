using ClaimReview.Extraction.Recognition;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Actors;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Actors;

/// <summary>
/// An editor corrects an actor: name, kind, parent (never making an actor its own ancestor), and aliases (a removed
/// alias is remembered so the importer does not add it back). Editing a discovered actor makes it an editor's actor,
/// so the next import's lexicon uses its names.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(ClaimReviewDb db) : PageModel
{
    public const int MaxNameLength = 200;

    public const string ConflictMessage =
        "Someone else changed this actor while you were editing. Here are the current values; your changes were not saved. Check them and save again.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public ActorKind Kind { get; set; }
        /// <summary>The parent actor's name, or empty for none.</summary>
        public string? Parent { get; set; }
        /// <summary>The actor's version when the form was loaded.</summary>
        public int Version { get; set; }
    }

    public sealed record ActorRow(long Id, string Name, string Origin);

    public ActorRow Actor { get; private set; } = null!;
    public IReadOnlyList<string> Aliases { get; private set; } = [];
    public IReadOnlyList<string> Suggestions { get; private set; } = [];
    public IReadOnlyList<(ActorKind Value, string Label)> Kinds { get; } = [.. Enum.GetValues<ActorKind>().Select(k => (k, Labels.Of(k)))];
    /// <summary>Set when the form was stale: what is saved now beside what the editor tried to save.</summary>
    public IReadOnlyList<ConflictRow>? Conflict { get; private set; }
    public string? AliasError { get; private set; }
    public string? NewAlias { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var actor = await db.Actors.AsNoTracking().Include(a => a.Parent).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (actor is null)
        {
            return NotFound();
        }
        Fill(actor);
        await LoadAsync(actor, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var actor = await db.Actors.Include(a => a.Aliases).Include(a => a.Parent).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (actor is null)
        {
            return NotFound();
        }
        if (actor.Version != Input.Version)
        {
            return await ConflictAsync(actor, cancellationToken);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(actor, cancellationToken);
            return Page();
        }

        var name = Input.Name?.Trim() ?? "";
        var nameError = await CheckNameAsync(actor, name, cancellationToken);
        if (nameError is not null)
        {
            ModelState.AddModelError("Input.Name", nameError);
        }
        long? parentId = null;
        if (!string.IsNullOrWhiteSpace(Input.Parent))
        {
            var parent = await ActorLookup.FindAsync(db, Input.Parent, cancellationToken);
            if (parent.Error is not null)
            {
                ModelState.AddModelError("Input.Parent", parent.Error);
            }
            else if (await ActorHierarchy.IsSelfOrAncestorAsync(db, actor.Id, parent.Id!.Value, cancellationToken))
            {
                ModelState.AddModelError("Input.Parent", parent.Id == actor.Id
                    ? $"{actor.Name} cannot be part of itself."
                    : $"{actor.Name} cannot be part of {parent.Name}: {parent.Name} is already part of {actor.Name}, and an actor cannot be its own ancestor.");
            }
            else
            {
                parentId = parent.Id;
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(actor, cancellationToken);
            return Page();
        }

        // The old name stays an alias: the articles still use it, and the next import must keep recognising it.
        if (name != actor.Name && !actor.Aliases.Any(x => x.Text == actor.Name)
            && !await db.SuppressedAliases.AnyAsync(x => x.ActorId == actor.Id && x.Text == actor.Name, cancellationToken))
        {
            actor.Aliases.Add(new ActorAlias { Text = actor.Name });
        }
        actor.Name = name;
        actor.Kind = Input.Kind;
        actor.ParentId = parentId;
        if (db.Entry(actor).Properties.Any(p => p.IsModified))
        {
            MarkEdited(actor);
            db.Entry(actor).Property(a => a.Version).OriginalValue = Input.Version;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await db.Actors.AsNoTracking().Include(a => a.Parent).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
                return current is null ? NotFound() : await ConflictAsync(current, cancellationToken);
            }
        }
        return Redirect(Links.Actor(actor.Id, actor.Name));
    }

    public async Task<IActionResult> OnPostAddAliasAsync(long id, string? alias, CancellationToken cancellationToken)
    {
        var actor = await db.Actors.Include(a => a.Aliases).Include(a => a.Parent).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (actor is null)
        {
            return NotFound();
        }
        var text = alias?.Trim() ?? "";
        var error = text.Length == 0 ? "Type the alias to add."
            : text.Length > MaxNameLength ? $"An alias has at most {MaxNameLength} characters."
            : actor.Aliases.Any(a => a.Text == text) ? $"“{text}” is already an alias of {actor.Name}."
            : null;
        if (error is not null)
        {
            return await AliasErrorAsync(actor, error, text, cancellationToken);
        }
        actor.Aliases.Add(new ActorAlias { Text = text });
        // Adding back an alias an editor removed lifts the removal.
        var suppression = await db.SuppressedAliases.FirstOrDefaultAsync(x => x.ActorId == id && x.Text == text, cancellationToken);
        if (suppression is not null)
        {
            db.SuppressedAliases.Remove(suppression);
        }
        MarkEdited(actor);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/actors/{id}/edit#aliases-heading");
    }

    public async Task<IActionResult> OnPostRemoveAliasAsync(long id, string? alias, CancellationToken cancellationToken)
    {
        var actor = await db.Actors.Include(a => a.Aliases).Include(a => a.Parent).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (actor is null)
        {
            return NotFound();
        }
        var existing = actor.Aliases.FirstOrDefault(a => a.Text == alias);
        if (existing is null)
        {
            return await AliasErrorAsync(actor, $"“{alias}” is not an alias of {actor.Name} (any more): someone may have removed it already.", null, cancellationToken);
        }
        actor.Aliases.Remove(existing);
        // The importer must not add it back from the articles.
        if (!await db.SuppressedAliases.AnyAsync(x => x.ActorId == id && x.Text == existing.Text, cancellationToken))
        {
            db.SuppressedAliases.Add(new SuppressedAlias { ActorId = id, Text = existing.Text });
        }
        MarkEdited(actor);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/actors/{id}/edit#aliases-heading");
    }

    /// <summary>A discovered actor an editor has worked on joins the lexicon the next import uses.</summary>
    private static void MarkEdited(Actor actor)
    {
        if (actor.Origin == ActorOrigin.Discovered)
        {
            actor.Origin = ActorOrigin.Editor;
        }
    }

    private async Task<string?> CheckNameAsync(Actor actor, string name, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            return "Type a name.";
        }
        if (name.Length > MaxNameLength)
        {
            return $"A name has at most {MaxNameLength} characters.";
        }
        var key = ActorKeys.For(name);
        if (key.Length == 0)
        {
            return "A name needs at least one letter or digit.";
        }
        if (name == actor.Name)
        {
            return null;
        }
        // Two actors whose names give the same key would be one actor to the importer.
        var others = await db.Actors.AsNoTracking().Where(a => a.Id != actor.Id).Select(a => new { a.Key, a.Name }).ToListAsync(cancellationToken);
        var same = others.FirstOrDefault(a => a.Key == key || ActorKeys.For(a.Name) == key);
        return same is null ? null : $"Another actor is already called “{same.Name}”. If they are the same, merge them instead.";
    }

    private async Task<IActionResult> ConflictAsync(Actor current, CancellationToken cancellationToken)
    {
        var attempted = Input;
        var kindTried = Enum.IsDefined(attempted.Kind) ? Labels.Of(attempted.Kind) : "";
        Conflict =
        [
            new ConflictRow("Name", current.Name, attempted.Name?.Trim() ?? ""),
            new ConflictRow("Kind", Labels.Of(current.Kind), kindTried),
            new ConflictRow("Part of", current.Parent?.Name ?? "nothing", string.IsNullOrWhiteSpace(attempted.Parent) ? "nothing" : attempted.Parent.Trim()),
        ];
        // The form now holds what is saved, at its current version: saving again is a deliberate choice.
        ModelState.Clear();
        Fill(current);
        await LoadAsync(current, cancellationToken);
        return new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }

    private async Task<IActionResult> AliasErrorAsync(Actor actor, string error, string? typed, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        AliasError = error;
        NewAlias = typed;
        Fill(actor);
        await LoadAsync(actor, cancellationToken);
        return Page();
    }

    private void Fill(Actor actor) => Input = new InputModel
    {
        Name = actor.Name,
        Kind = actor.Kind,
        Parent = actor.Parent?.Name,
        Version = actor.Version,
    };

    private async Task LoadAsync(Actor actor, CancellationToken cancellationToken)
    {
        Actor = new ActorRow(actor.Id, actor.Name, actor.Origin switch
        {
            ActorOrigin.Lexicon => "From the curated lexicon.",
            ActorOrigin.Discovered => "Found in the articles by the importer; your first change adds it to the lexicon.",
            _ => "In the lexicon through editors' changes.",
        });
        Aliases = await db.ActorAliases.AsNoTracking().Where(a => a.ActorId == actor.Id).OrderBy(a => a.Text).Select(a => a.Text).ToListAsync(cancellationToken);
        Suggestions = await ActorLookup.SuggestionsAsync(db, cancellationToken);
    }
}
