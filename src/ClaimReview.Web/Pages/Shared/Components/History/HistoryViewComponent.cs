using Microsoft.AspNetCore.Mvc;

namespace ClaimReview.Web.Pages.Shared.Components.History;

/// <summary>A record's change history from the audit log. Filled in by the audit work.</summary>
public sealed class HistoryViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(string entityType, string entityId) => Content("");
}
