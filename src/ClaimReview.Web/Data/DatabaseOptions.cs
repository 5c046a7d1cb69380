namespace ClaimReview.Web.Data;

/// <summary>Where the SQLite database lives: <c>--db FILE</c>, else <c>ClaimReview:Database</c>, else data/claimreview.db.</summary>
public sealed class DatabaseOptions
{
    public const string ConfigKey = "ClaimReview:Database";
    public const string DefaultPath = "data/claimreview.db";

    public required string Path { get; init; }

    public string ConnectionString => $"Data Source={Path};Mode=ReadWriteCreate;Foreign Keys=True;Pooling=True;Default Timeout=30";

    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration[ConfigKey];
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        return new DatabaseOptions { Path = System.IO.Path.GetFullPath(path) };
    }
}
