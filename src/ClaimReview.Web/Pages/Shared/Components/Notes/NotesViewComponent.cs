using ClaimReview.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace ClaimReview.Web.Pages.Shared.Components.Notes;

/// <summary>The notes section of a record's page (articles, actors, claims, events). Filled in by the annotations work.</summary>
public sealed class NotesViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(AnnotationTarget target, long targetId) => Content("");
}
