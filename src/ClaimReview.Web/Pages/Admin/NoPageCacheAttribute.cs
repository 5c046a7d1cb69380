using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;

namespace ClaimReview.Web.Pages.Admin;

/// <summary>
/// Keeps a page out of the output cache. The admin pages show what the data revision does not cover (files on disk,
/// a running import's progress, account states), so a cached copy could be stale.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoPageCacheAttribute : Attribute, IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        if (context.HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
