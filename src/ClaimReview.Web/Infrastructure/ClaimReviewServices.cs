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
            // Deleted claims and events are hidden by a query filter; their reports are never read without their record.
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning))
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
        // People's review decisions (Review/): one service per kind of action, thin over the database.
        services.AddScoped<Review.ReportReview>();
        services.AddScoped<Review.RecordMerger>();
        services.AddScoped<Review.EventSplitter>();
        services.AddScoped<Review.RecordDeletion>();
        services.AddScoped<Review.SuggestionReview>();
        services.AddScoped<Review.ArticleMetadataEditor>();
        return services;
    }
}
