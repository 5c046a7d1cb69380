using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Exporting;
using ClaimReview.Web.Importing;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Infrastructure;

public static class ClaimReviewServices
{
    /// <summary>Everything the app and the CLI verbs share: database, accounts, importer, exporter.</summary>
    public static IServiceCollection AddClaimReview(this IServiceCollection services)
    {
        // Resolved from the host's final configuration, so --db, environment variables and test settings all apply.
        services.AddSingleton(sp => DatabaseOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<SchemaMigrator>();
        services.AddDbContext<ClaimReviewDb>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<DatabaseOptions>().ConnectionString)
            .AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
        services.AddSingleton(sp => ImportOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<ArticleImporter>();
        services.AddSingleton<ImportSources>();
        services.AddSingleton<ImportJobs>().AddHostedService(sp => sp.GetRequiredService<ImportJobs>());
        services.AddScoped<JsonExporter>();
        services.AddScoped<CsvExporter>();
        services.AddScoped<StixExporter>();
        services.AddScoped<ClaimReviewMarkup>();
        services.AddScoped<WebAnnotationExporter>();
        services.AddScoped<Exporter>();
        services.AddSingleton<DataRevision>();
        services.AddAccounts();
        services.AddSingleton<Annotations.MarkdownRenderer>();
        return services;
    }
}
