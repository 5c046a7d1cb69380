using ClaimReview.Testing;
using ClaimReview.Web.Data;
using ClaimReview.Web.Importing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Importing;

/// <summary>A folder of article files (copies of the seeds by default) and an app over its own database to import them.</summary>
internal sealed class ImportFixture : IAsyncDisposable
{
    private ImportFixture(TestApp app, string folder)
    {
        App = app;
        Folder = folder;
    }

    public TestApp App { get; }
    public string Folder { get; }

    public static ImportFixture WithSeeds()
    {
        var app = new TestApp();
        var folder = Directory.CreateDirectory(Path.Combine(app.Folder, "articles")).FullName;
        foreach (var seed in Directory.GetFiles(RepositoryPaths.Seeds, "*.txt"))
        {
            File.Copy(seed, Path.Combine(folder, Path.GetFileName(seed)));
        }
        return new ImportFixture(app, folder);
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public async Task<ImportReport> ImportAsync(params string[] paths)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync(paths.Length == 0 ? [Folder] : paths, "test");
    }

    /// <summary>Writes the texts as files of a new folder <paramref name="name"/> beside the seeds and imports that folder.</summary>
    public async Task<ImportReport> ImportTextsAsync(string name, params (string File, string Text)[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(App.Folder, name)).FullName;
        foreach (var (file, text) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, file), text);
        }
        return await ImportAsync(folder);
    }

    /// <summary>Imports the folder and cancels as soon as the first chunk has been committed.</summary>
    public async Task ImportAndCancelAfterFirstChunkAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        using var cancel = new CancellationTokenSource();
        var progress = new CancelOnReport(cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync([Folder], "test", progress, cancel.Token));
    }

    private sealed class CancelOnReport(CancellationTokenSource cancel) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => cancel.Cancel();
    }

    public async Task<T> QueryAsync<T>(Func<ClaimReviewDb, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ClaimReviewDb>());
    }

    /// <summary>Runs one SQL query against the app's database file and returns its single number.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new DatabaseOptions { Path = App.DatabasePath }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Row counts of every table, to prove that an import changed nothing.</summary>
    public async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var connection = new SqliteConnection(new DatabaseOptions { Path = App.DatabasePath }.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'import_%' AND name NOT LIKE 'search_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        // The search index's own tables (not FTS5's shadow tables, whose layout varies with merges).
        tables.AddRange(["search_articles", "search_paragraphs", "search_claim_quotes", "search_actors"]);
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            counts[table] = await ScalarAsync($"SELECT COUNT(*) FROM \"{table}\"");
        }
        return counts;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    public static Task<List<Article>> ArticlesAsync(ClaimReviewDb db) => db.Articles.AsNoTracking().OrderBy(a => a.SourceFile).ToListAsync();
}
