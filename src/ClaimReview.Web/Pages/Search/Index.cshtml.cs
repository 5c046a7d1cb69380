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

    /// <summary>Only one kind of record: actors, claims, events, articles or notes.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outlet { get; set; }

    /// <summary>An actor's id: only articles that mention it (and claims it made).</summary>
    [BindProperty(SupportsGet = true)]
    public long? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    // From the query only: Razor Pages keep the route value "page" for the page's own name, which would win.
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public SearchResults Results { get; private set; } = SearchResults.Empty(SearchQuery.Parse(null));
    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    /// <summary>This search's address with one filter set (or cleared, with a null value) and the page reset.</summary>
    public string With(string key, string? value)
    {
        var query = Request.Query.Where(q => q.Key != key && q.Key != "page")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        if (value is not null)
        {
            query = query.Append(new KeyValuePair<string, string?>(key, value));
        }
        return "/search" + QueryString.Create(query);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["SearchText"] = Text;
        var page = Paging.Clamp(PageNumber);
        var type = Type is not null && SearchFilters.Types.Contains(Type) ? Type : null;
        var filters = new SearchFilters(type, string.IsNullOrWhiteSpace(Outlet) ? null : Outlet, Actor, Year);
        Results = await search.SearchAsync(SearchQuery.Parse(Text), filters, page, PageSize, cancellationToken);
        Paging = new Paging(page, PageSize, Results.ArticleTotal);
    }
}
