using ClaimReview.Web.Cli;

namespace ClaimReview.Web.Tests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("", "Serve")]
    [InlineData("serve --urls http://127.0.0.1:5055", "Serve")]
    [InlineData("import", "Import")]
    [InlineData("import seeds/ extra.txt --db x.db", "Import")]
    [InlineData("export --out all.json", "Export")]
    [InlineData("--help", "Help")]
    [InlineData("import -h", "Help")]
    public void Known_verbs_and_options_parse(string line, string verb)
    {
        var command = CommandLine.Parse(Split(line));
        Assert.Null(command.Error);
        Assert.Equal(verb, command.Verb.ToString());
    }

    [Fact]
    public void Options_and_paths_are_kept()
    {
        var command = CommandLine.Parse(Split("import a.txt dir --db=my.db"));
        Assert.Equal(["a.txt", "dir"], command.Paths);
        Assert.Equal("my.db", command.Database);
    }

    [Theory]
    [InlineData("frobnicate", "Unknown verb 'frobnicate'")]
    [InlineData("import --force", "Unknown option '--force' for 'import'")]
    [InlineData("export --urls http://x", "Unknown option '--urls' for 'export'")]
    [InlineData("export stray", "Unexpected argument 'stray' for 'export'")]
    [InlineData("import --db", "Option --db needs a value")]
    public void Mistakes_get_a_clear_message(string line, string message)
    {
        var command = CommandLine.Parse(Split(line));
        Assert.NotNull(command.Error);
        Assert.StartsWith(message, command.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_settings_pass_through_to_the_host()
    {
        var command = CommandLine.Parse(Split("import --ClaimReview:MaxArticleBytes=100 a.txt"));
        Assert.Null(command.Error);
        Assert.Equal(["--ClaimReview:MaxArticleBytes=100"], command.HostArgs);
        Assert.Equal(["a.txt"], command.Paths);
    }

    private static string[] Split(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
