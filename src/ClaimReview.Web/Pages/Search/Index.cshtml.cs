using ClaimReview.Web.Pages.Shared;
using ClaimReview.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Pages.Search;

public sealed class IndexModel(FullTextSearch search) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public SearchResults Results { get; private set; } = SearchResults.Empty(SearchQuery.Parse(null));
    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["SearchText"] = Text;
        var page = Paging.Clamp(PageNumber);
        Results = await search.SearchAsync(SearchQuery.Parse(Text), page, PageSize, cancellationToken);
        Paging = new Paging(page, PageSize, Results.ArticleTotal);
    }
}
