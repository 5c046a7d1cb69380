using ClaimReview.Extraction.Events;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Actors;
using ClaimReview.Web.Data;
using ClaimReview.Web.Pages.Actors;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Events;

/// <summary>
/// An editor corrects an event: kind, date (a day, a month, a year or a range) and place, and adds or removes
/// participants. Each corrected field is in the audit log under its column name, which is how the importer knows
/// not to overwrite it.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(ClaimReviewDb db) : PageModel
{
    public const int MaxPlaceLength = 200;

    public const string ConflictMessage =
        "Someone else changed this event while you were editing. Here are the current values; your changes were not saved. Check them and save again.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public EventKind Kind { get; set; }
        /// <summary>Empty when the date is unknown.</summary>
        public DatePrecision? Precision { get; set; }
        /// <summary>The day; for a month or a year, any day in it; for a range, the first day.</summary>
        public DateOnly? Date { get; set; }
        /// <summary>The last day of a range.</summary>
        public DateOnly? DateEnd { get; set; }
        public string? Place { get; set; }
        public string? District { get; set; }
        public string? Region { get; set; }
        public string? Country { get; set; }
        /// <summary>The event's version when the form was loaded.</summary>
        public int Version { get; set; }
    }

    public sealed record ParticipantRow(long ActorId, string Name, ParticipantRole Role, string RoleLabel);

    public long EventId { get; private set; }
    public string Title { get; private set; } = "";
    public string? DateEvidence { get; private set; }
    public IReadOnlyList<ParticipantRow> Participants { get; private set; } = [];
    public IReadOnlyList<string> Suggestions { get; private set; } = [];
    public IReadOnlyList<(EventKind Value, string Label)> Kinds { get; } = [.. Enum.GetValues<EventKind>().Select(k => (k, Labels.Of(k)))];
    public IReadOnlyList<(DatePrecision Value, string Label)> Precisions { get; } = [.. Enum.GetValues<DatePrecision>().Select(p => (p, Labels.Of(p)))];
    public IReadOnlyList<(ParticipantRole Value, string Label)> Roles { get; } = [.. Enum.GetValues<ParticipantRole>().Select(r => (r, Labels.Of(r)))];
    /// <summary>Set when the form was stale: what is saved now beside what the editor tried to save.</summary>
    public IReadOnlyList<ConflictRow>? Conflict { get; private set; }
    public string? ParticipantError { get; private set; }
    public string? NewParticipantName { get; private set; }
    public ParticipantRole? NewParticipantRole { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (e is null)
        {
            return NotFound();
        }
        Fill(e);
        await LoadAsync(e, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var e = await db.Events.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (e is null)
        {
            return NotFound();
        }
        if (e.Version != Input.Version)
        {
            return await ConflictAsync(e, cancellationToken);
        }
        var (date, end, dateError) = ResolveDate(Input.Precision, Input.Date, Input.DateEnd);
        if (dateError is not null)
        {
            ModelState.AddModelError(dateError.Value.Field, dateError.Value.Message);
        }
        foreach (var (field, value) in new[] { ("Place", Input.Place), ("District", Input.District), ("Region", Input.Region), ("Country", Input.Country) })
        {
            if (value?.Trim().Length > MaxPlaceLength)
            {
                ModelState.AddModelError($"Input.{field}", $"At most {MaxPlaceLength} characters.");
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(e, cancellationToken);
            return Page();
        }

        var datePrecision = date is null ? null : Input.Precision;
        var dateChanged = e.Date != date || e.DateEnd != end || e.DatePrecision != datePrecision;
        e.Kind = Input.Kind;
        e.Date = date;
        e.DateEnd = end;
        e.DatePrecision = datePrecision;
        if (dateChanged)
        {
            e.DateEvidence = null; // the words the importer read the date from no longer support it
        }
        e.Place = Clean(Input.Place);
        e.District = Clean(Input.District);
        e.Region = Clean(Input.Region);
        e.Country = Clean(Input.Country);
        if (db.Entry(e).Properties.Any(p => p.IsModified))
        {
            db.Entry(e).Property(x => x.Version).OriginalValue = Input.Version;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
                return current is null ? NotFound() : await ConflictAsync(current, cancellationToken);
            }
        }
        return Redirect(Links.Event(id));
    }

    public async Task<IActionResult> OnPostAddParticipantAsync(long id, string? actor, ParticipantRole? role, CancellationToken cancellationToken)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (e is null)
        {
            return NotFound();
        }
        if (role is not { } chosenRole || !Enum.IsDefined(chosenRole))
        {
            return await ParticipantErrorAsync(e, "Choose the actor's role in the event.", actor, null, cancellationToken);
        }
        var match = await ActorLookup.FindAsync(db, actor, cancellationToken);
        if (match.Error is not null)
        {
            return await ParticipantErrorAsync(e, match.Error, actor, chosenRole, cancellationToken);
        }
        var actorId = match.Id!.Value;
        if (await db.EventParticipants.AnyAsync(p => p.EventId == id && p.ActorId == actorId && p.Role == chosenRole, cancellationToken))
        {
            return await ParticipantErrorAsync(e, $"{match.Name} already takes part as {Labels.Of(chosenRole)}.", actor, chosenRole, cancellationToken);
        }
        db.EventParticipants.Add(new Data.EventParticipant { EventId = id, ActorId = actorId, Role = chosenRole });
        // Adding back a participant an editor removed lifts the removal.
        var suppression = await db.SuppressedParticipants.FindAsync([id, actorId, chosenRole], cancellationToken);
        if (suppression is not null)
        {
            db.SuppressedParticipants.Remove(suppression);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/events/{id}/edit#participants-heading");
    }

    public async Task<IActionResult> OnPostRemoveParticipantAsync(long id, long actorId, ParticipantRole role, CancellationToken cancellationToken)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (e is null)
        {
            return NotFound();
        }
        var participant = await db.EventParticipants.FirstOrDefaultAsync(p => p.EventId == id && p.ActorId == actorId && p.Role == role, cancellationToken);
        if (participant is null)
        {
            return await ParticipantErrorAsync(e, "That participant is no longer listed: someone may have removed it already.", null, null, cancellationToken);
        }
        db.EventParticipants.Remove(participant);
        // Remembered, so the next import does not add it back.
        if (await db.SuppressedParticipants.FindAsync([id, actorId, role], cancellationToken) is null)
        {
            db.SuppressedParticipants.Add(new SuppressedParticipant { EventId = id, ActorId = actorId, Role = role });
        }
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/events/{id}/edit#participants-heading");
    }

    /// <summary>The stored date range for a precision: a month or a year spans all its days; a range needs both ends.</summary>
    internal static (DateOnly? Date, DateOnly? End, (string Field, string Message)? Error) ResolveDate(DatePrecision? precision, DateOnly? date, DateOnly? end)
    {
        if (precision is null)
        {
            return date is null && end is null
                ? (null, null, null)
                : (null, null, ("Input.Precision", "Say how precise the date is (a day, a month, a year or a range), or clear the dates for an unknown date."));
        }
        if (date is not { } d)
        {
            return (null, null, ("Input.Date", precision == DatePrecision.Range ? "Give the first day of the range." : "Give the date."));
        }
        switch (precision)
        {
            case DatePrecision.Day:
                return end is { } e && e != d
                    ? (null, null, ("Input.DateEnd", "A single day has no end date: clear it, or choose a range."))
                    : (d, null, null);
            case DatePrecision.Month:
                var first = new DateOnly(d.Year, d.Month, 1);
                return (first, first.AddMonths(1).AddDays(-1), null);
            case DatePrecision.Year:
                return (new DateOnly(d.Year, 1, 1), new DateOnly(d.Year, 12, 31), null);
            default:
                if (end is not { } last)
                {
                    return (null, null, ("Input.DateEnd", "Give the last day of the range."));
                }
                return last < d ? (null, null, ("Input.DateEnd", "The range ends before it starts.")) : (d, last, null);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string DateText(DateOnly? date, DateOnly? end, DatePrecision? precision) =>
        date is null ? "unknown" : $"{Labels.Date(date, end, precision)} ({(precision is { } p ? Labels.Of(p) : "day")})";

    private async Task<IActionResult> ConflictAsync(Event current, CancellationToken cancellationToken)
    {
        var tried = Input;
        var (date, end, error) = ResolveDate(tried.Precision, tried.Date, tried.DateEnd);
        Conflict =
        [
            new ConflictRow("Kind", Labels.Of(current.Kind), Enum.IsDefined(tried.Kind) ? Labels.Of(tried.Kind) : ""),
            new ConflictRow("Date", DateText(current.Date, current.DateEnd, current.DatePrecision),
                error is null ? DateText(date, end, date is null ? null : tried.Precision) : $"{Labels.Date(tried.Date)} – {Labels.Date(tried.DateEnd)}"),
            new ConflictRow("Place", Labels.Place(current.Place, current.District, current.Region, current.Country),
                Labels.Place(Clean(tried.Place), Clean(tried.District), Clean(tried.Region), Clean(tried.Country))),
        ];
        // The form now holds what is saved, at its current version: saving again is a deliberate choice.
        ModelState.Clear();
        Fill(current);
        await LoadAsync(current, cancellationToken);
        return new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }

    private async Task<IActionResult> ParticipantErrorAsync(Event e, string error, string? typed, ParticipantRole? role, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ParticipantError = error;
        NewParticipantName = typed;
        NewParticipantRole = role;
        Fill(e);
        await LoadAsync(e, cancellationToken);
        return Page();
    }

    private void Fill(Event e) => Input = new InputModel
    {
        Kind = e.Kind,
        Precision = e.Date is null ? null : e.DatePrecision ?? DatePrecision.Day,
        Date = e.Date,
        DateEnd = e.DatePrecision is DatePrecision.Range ? e.DateEnd : null,
        Place = e.Place,
        District = e.District,
        Region = e.Region,
        Country = e.Country,
        Version = e.Version,
    };

    private async Task LoadAsync(Event e, CancellationToken cancellationToken)
    {
        EventId = e.Id;
        var place = Labels.Place(e.Place, e.District, e.Region, e.Country);
        Title = $"{Labels.Of(e.Kind)}, {Labels.Date(e.Date, e.DateEnd, e.DatePrecision)}" + (place.Length > 0 ? $", {place}" : "");
        DateEvidence = e.DateEvidence;
        Participants = [.. (await db.EventParticipants.AsNoTracking().Where(p => p.EventId == e.Id)
            .Join(db.Actors, p => p.ActorId, a => a.Id, (p, a) => new { a.Id, a.Name, p.Role })
            .ToListAsync(cancellationToken))
            .OrderBy(p => p.Role).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ParticipantRow(p.Id, p.Name, p.Role, Labels.Of(p.Role)))];
        Suggestions = await ActorLookup.SuggestionsAsync(db, cancellationToken);
    }
}
