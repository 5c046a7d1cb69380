namespace ClaimReview.Web.Search;

public static class SearchServices
{
    /// <summary>Full-text search over the search_* FTS5 tables kept by migration 0003.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<FullTextSearch>();
        return services;
    }
}
