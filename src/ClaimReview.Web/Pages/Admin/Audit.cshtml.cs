using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Pages.Admin;

/// <summary>The global audit log, newest first, filtered by who, which record, what action, when and which field.</summary>
[Authorize(Policy = Policies.Administer)]
[NoPageCache]
public sealed class AuditModel(ClaimReviewDb db) : PageModel
{
    public sealed record EntryRow(long Id, DateTimeOffset At, string UserName, string EntityType, string EntityId, AuditAction Action,
        string? Field, string? OldValue, string? NewValue, AuditLinks.RecordLink? Link)
    {
        /// <summary>"claim #12", or for a user their e-mail: "user ann@example.org".</summary>
        public string Record => Link?.Name is { } name ? $"{EntityType} {name}" : $"{EntityType} #{EntityId}";
    }

    /// <summary>The record types the app writes, offered even before the log holds one of each.</summary>
    public static IReadOnlyList<string> KnownTypes { get; } = ["claim", "actor", "event", "article", "tag", "annotation", "user", "import"];

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    // From the query only: Razor Pages keep the route value "page" for the page's own name, which would win.
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<EntryRow> Rows { get; private set; } = [];
    public IReadOnlyList<string> UserNames { get; private set; } = [];
    public IReadOnlyList<string> Types { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; } = [.. Enum.GetValues<AuditAction>().Select(a => SnakeCase.Name(a))];
    public Paging Paging { get; private set; } = new(1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Who))
        {
            var user = Who.Trim();
            query = query.Where(a => a.UserName == user);
        }
        if (!string.IsNullOrWhiteSpace(Type))
        {
            var type = Type.Trim();
            query = query.Where(a => a.EntityType == type);
        }
        if (!string.IsNullOrWhiteSpace(Id))
        {
            var id = Id.Trim().TrimStart('#');
            query = query.Where(a => a.EntityId == id);
        }
        if (SnakeCase.TryParse<AuditAction>(Action, out var action))
        {
            query = query.Where(a => a.Action == action);
        }
        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At >= start);
        }
        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At < end);
        }
        if (!string.IsNullOrWhiteSpace(Field))
        {
            var field = Field.Trim();
            query = query.Where(a => a.Field == field);
        }

        Paging = new Paging(Paging.Clamp(PageNumber), Paging.DefaultPageSize, await query.CountAsync(cancellationToken));
        var page = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .ToListAsync(cancellationToken);
        var links = await AuditLinks.ResolveAsync(db, page.Select(a => (a.EntityType, a.EntityId)), cancellationToken);
        Rows = [.. page.Select(a => new EntryRow(a.Id, a.At, a.UserName, a.EntityType, a.EntityId, a.Action, a.Field, a.OldValue, a.NewValue,
            links.GetValueOrDefault((a.EntityType, a.EntityId))))];

        UserNames = await db.AuditEntries.AsNoTracking().Select(a => a.UserName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
        var types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().ToListAsync(cancellationToken);
        Types = [.. KnownTypes.Concat(types.Except(KnownTypes, StringComparer.Ordinal).Order(StringComparer.Ordinal))];
    }
}
