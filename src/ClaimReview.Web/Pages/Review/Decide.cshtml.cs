using System.Globalization;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Infrastructure;
using ClaimReview.Web.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Pages.Review;

/// <summary>
/// Where every review form posts (the queue, the per-report page, the claim and event pages): accept, reject or move
/// reports, one or many, and confirm or reject a suggested link. Done: back to the page the form was on, with a notice.
/// Refused: this page says why; a record someone changed meanwhile is shown as it is now (409), nothing applied.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class DecideModel(ReportReview reports, SuggestionReview suggestions) : PageModel
{
    public sealed class InputModel
    {
        /// <summary>The ticked reports, each "claim:12:3" (type, report id, the version of its record the page showed).</summary>
        public List<string> Items { get; set; } = [];

        /// <summary>A single report's button ("claim:12:3"): when set, only that report, whatever is ticked.</summary>
        public string? One { get; set; }

        /// <summary>Where moved reports go: "claim:40:2" (type, id, the version of it the page showed).</summary>
        public string? Target { get; set; }

        public long? Suggestion { get; set; }

        /// <summary>"confirm" or "reject".</summary>
        public string? Verdict { get; set; }

        public int? RecordVersion { get; set; }

        public int? CandidateVersion { get; set; }

        /// <summary>The page to come back to (a local address only).</summary>
        public string? ReturnUrl { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Why nothing was done.</summary>
    public string? Message { get; private set; }

    /// <summary>The record as it is now, when a decision was refused because it changed.</summary>
    public RecordSnapshot? Current { get; private set; }

    public string BackUrl => Input.ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith('/') ? url : "/review";

    public IActionResult OnGet() => Redirect("/review");

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        var chosen = Chosen();
        if (chosen.Count == 0)
        {
            return Refused(ReviewResult.Invalid("Select at least one report."));
        }
        var result = await reports.AcceptAsync(chosen, cancellationToken);
        return Finish(result, $"Accepted {Reports(chosen.Count)}.");
    }

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken)
    {
        var chosen = Chosen();
        if (chosen.Count == 0)
        {
            return Refused(ReviewResult.Invalid("Select at least one report."));
        }
        var result = await reports.RejectAsync(chosen, cancellationToken);
        return Finish(result, $"Rejected {Reports(chosen.Count)}: no import adds {(chosen.Count == 1 ? "it" : "them")} again.");
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken)
    {
        var chosen = Chosen();
        if (chosen.Count == 0)
        {
            return Refused(ReviewResult.Invalid("Select at least one report."));
        }
        if (Parse(Input.Target) is not { } target)
        {
            return Refused(ReviewResult.Invalid("Choose the claim or event to move the reports to."));
        }
        if (chosen.Any(c => c.Type != target.Type))
        {
            return Refused(ReviewResult.Invalid($"Only {SnakeCase.Name(target.Type)} reports can move to a {SnakeCase.Name(target.Type)}: select reports of one kind."));
        }
        var version = target.RecordVersion;
        foreach (var report in chosen)
        {
            var result = await reports.MoveAsync(report, target.ReportId, version, cancellationToken);
            if (!result.Succeeded)
            {
                return Refused(result);
            }
            version++; // every decision raises the target's version; the next move saw this one
        }
        return Finish(ReviewResult.Done(target.ReportId), $"Moved {Reports(chosen.Count)}.");
    }

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken cancellationToken)
    {
        if (Input.Suggestion is not { } id)
        {
            return Refused(ReviewResult.Invalid("Choose a suggestion."));
        }
        switch (Input.Verdict)
        {
            case "confirm":
                if (Input.RecordVersion is not { } recordVersion || Input.CandidateVersion is not { } candidateVersion)
                {
                    return Refused(ReviewResult.Invalid("The form is incomplete: reload the page and try again."));
                }
                return Finish(await suggestions.ConfirmAsync(id, recordVersion, candidateVersion, cancellationToken), "Merged: they are one record now.");
            case "reject":
                return Finish(await suggestions.RejectAsync(id, cancellationToken), "Kept apart: this pair will not be suggested again.");
            default:
                return Refused(ReviewResult.Invalid("Say whether they are the same."));
        }
    }

    private IActionResult Finish(ReviewResult result, string notice)
    {
        if (!result.Succeeded)
        {
            return Refused(result);
        }
        Notice = notice;
        return Redirect(BackUrl);
    }

    private PageResult Refused(ReviewResult result)
    {
        Message = result.Message;
        Current = result.Current;
        Response.StatusCode = result.Outcome switch
        {
            ReviewOutcome.Conflict => StatusCodes.Status409Conflict,
            ReviewOutcome.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    /// <summary>The reports the form chose: the one button's, or every ticked one.</summary>
    private List<ReportChoice> Chosen() => string.IsNullOrEmpty(Input.One)
        ? [.. Input.Items.Select(Parse).OfType<ReportChoice>().DistinctBy(c => (c.Type, c.ReportId))]
        : [.. new[] { Parse(Input.One) }.OfType<ReportChoice>()];

    /// <summary>"claim:12:3" → (claim, 12, version 3); anything else → null.</summary>
    private static ReportChoice? Parse(string? value)
    {
        var parts = (value ?? "").Split(':');
        return parts.Length == 3 && SnakeCase.TryParse<RecordType>(parts[0], out var t) && t is RecordType.Claim or RecordType.Event
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new ReportChoice(t, id, version)
            : null;
    }

    private static string Reports(int n) => n == 1 ? "1 report" : $"{n} reports";
}
