using System.Diagnostics;
using System.Text.Json;
using ClaimReview.Testing;

namespace ClaimReview.Web.Tests.Cli;

/// <summary>The CLI as a user runs it: a separate process, its exit code, what it prints.</summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("claimreview-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Help_lists_the_verbs_and_options()
    {
        var result = await RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var word in new[] { "import", "export", "serve", "--db", "--urls", "--out" })
        {
            Assert.Contains(word, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("frobnicate", "Unknown verb 'frobnicate'")]
    [InlineData("import --fast", "Unknown option '--fast'")]
    public async Task Mistakes_exit_with_code_2_and_say_what_was_wrong(string args, string message)
    {
        var result = await RunAsync(args.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_prints_each_file_and_totals_then_reimport_finds_everything_unchanged()
    {
        var db = Path.Combine(_folder, "cli.db");

        var first = await RunAsync("import", RepositoryPaths.Seeds, "--db", db);
        var second = await RunAsync("import", RepositoryPaths.Seeds, "--db", db);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(5, first.Stdout.Split('\n').Count(l => l.StartsWith("new ", StringComparison.Ordinal)));
        Assert.Contains("Imported 5 files: 5 new, 0 updated, 0 unchanged, 0 failed", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("5 files: 0 new, 0 updated, 5 unchanged, 0 failed", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("INF", first.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_with_a_bad_file_names_it_and_exits_non_zero()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "in")).FullName;
        File.Copy(Directory.GetFiles(RepositoryPaths.Seeds, "002_*.txt").Single(), Path.Combine(folder, "good.txt"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "bad.txt"), []);

        var result = await RunAsync("import", folder, "--db", Path.Combine(_folder, "bad.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"(?m)^failed\s+bad\.txt: .*empty", result.Stdout);
        Assert.Matches(@"(?m)^new\s+good\.txt", result.Stdout);
    }

    [Fact]
    public async Task Export_writes_json_to_a_file_or_to_stdout()
    {
        var db = Path.Combine(_folder, "export.db");
        await RunAsync("import", RepositoryPaths.Seeds, "--db", db);
        var file = Path.Combine(_folder, "out.json");

        var toFile = await RunAsync("export", "--db", db, "--out", file);
        var toStdout = await RunAsync("export", "--db", db);

        Assert.Equal(0, toFile.ExitCode);
        using var fromFile = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        using var fromStdout = JsonDocument.Parse(toStdout.Stdout);
        Assert.Equal(5, fromFile.RootElement.GetProperty("articles").GetArrayLength());
        Assert.True(JsonElement.DeepEquals(fromFile.RootElement, fromStdout.RootElement));
    }

    [Fact]
    public async Task Export_without_a_database_says_so()
    {
        var result = await RunAsync("export", "--db", Path.Combine(_folder, "missing.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no database at", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "missing.db")));
    }

    [Fact]
    public async Task An_import_killed_half_way_leaves_only_whole_articles_and_the_next_run_completes_it()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "many")).FullName;
        var seeds = Directory.GetFiles(RepositoryPaths.Seeds, "*.txt");
        for (var i = 0; i < 700; i++)
        {
            File.Copy(seeds[i % seeds.Length], Path.Combine(folder, $"copy_{i:D4}.txt"));
        }
        var db = Path.Combine(_folder, "killed.db");

        // Kill the process as soon as it reports progress: some files are written, most are not.
        var start = Start("import", folder, "--db", db);
        using (var process = Process.Start(start)!)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            while (await process.StandardError.ReadLineAsync() is { } line && !line.StartsWith('…'))
            {
            }
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var partial = await CountAsync(db, "SELECT COUNT(*) FROM articles");
        Assert.InRange(partial, 1, 699);
        Assert.Equal(0, await CountAsync(db, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_segments s WHERE s.article_id = a.id)"));

        var rerun = await RunAsync("import", folder, "--db", db);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"{partial} unchanged, 0 failed", rerun.Stdout, StringComparison.Ordinal);
        Assert.Equal(700, await CountAsync(db, "SELECT COUNT(*) FROM articles"));
        Assert.Equal(0, await CountAsync(db, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_segments s WHERE s.article_id = a.id)"));
    }

    [Fact]
    public async Task Serving_from_another_working_directory_finds_the_app_files_and_keeps_data_where_the_user_is()
    {
        var port = FreePort();
        using var process = Process.Start(Start("serve", "--urls", $"http://127.0.0.1:{port}"))!;
        var console = process.StandardOutput.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            // A generous bound (a hang detector, not a timing test): first start migrates and imports the seeds, on a busy machine too.
            var healthy = false;
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!healthy && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(500);
                healthy = await http.GetAsync("/healthz").ContinueWith(t => t.IsCompletedSuccessfully && t.Result.IsSuccessStatusCode);
            }
            Assert.True(healthy, process.HasExited ? $"the app exited with {process.ExitCode}" : "the app did not start within three minutes");

            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/css/site.css")).StatusCode);
            var favicon = await http.GetAsync("/favicon.ico");
            Assert.Equal(System.Net.HttpStatusCode.OK, favicon.StatusCode);
            Assert.Equal("image/x-icon", favicon.Content.Headers.ContentType?.MediaType);
            Assert.True(File.Exists(Path.Combine(_folder, "data", "claimreview.db")), "the default database is created under the user's working directory");
            await http.GetAsync("/account/signin");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        // The console keeps what a person needs in view: where the app runs and the setup link, not a line per request.
        var text = await console;
        Assert.Contains($"ClaimReview is running at http://127.0.0.1:{port}", text, StringComparison.Ordinal);
        Assert.Matches($@"Create the first admin at http://127\.0\.0\.1:{port}/setup/\S+", text);
        Assert.DoesNotContain("HTTP GET", text, StringComparison.Ordinal);

        static int FreePort()
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var free = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return free;
        }
    }

    private static async Task<long> CountAsync(string db, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var count = (long)(await command.ExecuteScalarAsync())!;
        Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        return count;
    }

    [Fact]
    public async Task User_verbs_add_list_change_role_and_disable_with_the_password_from_standard_input()
    {
        var db = Path.Combine(_folder, "users.db");

        var added = await RunWithInputAsync("a long enough password\n", "user", "add", "ana@example.test", "--role", "Editor", "--db", db);
        var promoted = await RunAsync("user", "set-role", "ana@example.test", "--role", "admin", "--db", db);
        await RunWithInputAsync("another long password\n", "user", "add", "bo@example.test", "--role", "Analyst", "--db", db);
        var disabled = await RunAsync("user", "disable", "bo@example.test", "--db", db);
        var list = await RunAsync("user", "list", "--db", db);

        Assert.Equal((0, 0, 0), (added.ExitCode, promoted.ExitCode, disabled.ExitCode));
        Assert.Contains("Added ana@example.test as Editor.", added.Stdout, StringComparison.Ordinal);
        var lines = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^ana@example\.test\s+Admin\s+active$", lines[0].TrimEnd());
        Assert.Matches(@"^bo@example\.test\s+Analyst\s+disabled$", lines[1].TrimEnd());
        Assert.DoesNotContain("a long enough password", added.Stdout + added.Stderr + list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_on_the_command_line_is_refused_and_nothing_is_added()
    {
        var db = Path.Combine(_folder, "nopass.db");

        var result = await RunAsync("user", "add", "ana@example.test", "--role", "Editor", "hunter2hunter2", "--db", db);
        var list = await RunAsync("user", "list", "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("The password is read from standard input", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2hunter2", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("0 users", list.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short\n", "Editor", "at least 12 characters")]
    [InlineData("", "Editor", "no password on standard input")]
    [InlineData("a long enough password\n", "Superuser", "Unknown role 'Superuser'")]
    public async Task Bad_user_input_exits_1_with_the_reason(string input, string role, string message)
    {
        var result = await RunWithInputAsync(input, "user", "add", "ana@example.test", "--role", role, "--db", Path.Combine(_folder, "bad-user.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_each_format_with_filters_and_plain_progress_lines_when_redirected()
    {
        var db = Path.Combine(_folder, "formats.db");
        await RunAsync("import", RepositoryPaths.Seeds, "--db", db);
        var csvFile = Path.Combine(_folder, "claims.csv");

        var csv = await RunAsync("export", "--db", db, "--format", "csv", "--kind", "claims", "--claim-kind", "territorial", "--out", csvFile);
        var all = await RunAsync("export", "--db", db, "--format", "csv", "--kind", "claims", "--out", Path.Combine(_folder, "all.csv"));
        var stix = await RunAsync("export", "--db", db, "--format", "stix", "--kind", "actors");
        var annotations = await RunAsync("export", "--db", db, "--format", "annotations");
        var claimReview = await RunAsync("export", "--db", db, "--format", "claimreview", "--status", "refuted");
        var wrong = await RunAsync("export", "--db", db, "--format", "csv");

        Assert.Equal(0, csv.ExitCode);
        var rows = Csv.Records(await File.ReadAllBytesAsync(csvFile));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("territorial", r["kind"]));
        Assert.True(Csv.Records(await File.ReadAllBytesAsync(Path.Combine(_folder, "all.csv"))).Count > rows.Count);
        // Redirected: plain progress lines on stderr, never a terminal's escape codes.
        Assert.Matches(@"(?m)^… claims \d+/\d+$", csv.Stderr);
        Assert.DoesNotContain('\u001b', csv.Stderr + all.Stderr + stix.Stderr);
        using var bundle = JsonDocument.Parse(stix.Stdout);
        Assert.Equal("bundle", bundle.RootElement.GetProperty("type").GetString());
        Assert.Contains(bundle.RootElement.GetProperty("objects").EnumerateArray(), o => o.GetProperty("type").GetString() == "threat-actor");
        Assert.DoesNotContain(bundle.RootElement.GetProperty("objects").EnumerateArray(), o => o.GetProperty("type").GetString() == "report");
        using var collection = JsonDocument.Parse(annotations.Stdout);
        Assert.Equal("AnnotationCollection", collection.RootElement.GetProperty("type").GetString());
        using var reviews = JsonDocument.Parse(claimReview.Stdout);
        Assert.Equal(0, reviews.RootElement.GetProperty("@graph").GetArrayLength());
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("A CSV holds one record kind", wrong.Stderr, StringComparison.Ordinal);
    }

    private sealed record Result(int ExitCode, string Stdout, string Stderr);

    private ProcessStartInfo Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ClaimReview__LogFile"] = "";
        return start;
    }

    private Task<Result> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Runs the CLI with <paramref name="input"/> on its standard input (a password, say).</summary>
    private async Task<Result> RunWithInputAsync(string input, params string[] args)
    {
        using var process = Process.Start(Start(args))!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
