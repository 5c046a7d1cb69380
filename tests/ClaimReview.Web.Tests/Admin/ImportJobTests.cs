using System.Diagnostics;
using System.Net;
using System.Text;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Tests.Pages;

namespace ClaimReview.Web.Tests.Admin;

/// <summary>
/// One import at a time. The running import is held up deterministically by a named pipe among the article files:
/// the importer blocks reading it until the test writes the article into it (a slow disk or network share, made
/// exact), so the second request is certain to arrive while the first import runs.
/// </summary>
public sealed class ImportJobTests
{
    [Fact]
    public async Task A_second_import_while_one_runs_is_told_that_one_is_running_and_starts_nothing()
    {
        await using var site = AdminSite.Create(copySeeds: false, importSeeds: false);
        using var admin = await site.App.SignInAsync(Roles.Admin);
        var pipe = Path.Combine(site.Seeds, "slow.txt");
        MakeFifo(pipe);
        var released = false;
        try
        {
            AdminSite.AssertRedirect(await admin.PostFormAsync("/admin/import", new Dictionary<string, string>(), "/admin/import?handler=All"), "/admin/import");

            var running = await admin.GetAsync("/admin/import");
            Assert.Equal(HttpStatusCode.OK, running.StatusCode);
            Assert.Equal("2; url=/admin/import", running.Headers.GetValues("Refresh").Single());
            var progress = (await AdminSite.ParseAsync(running)).QuerySelector(".import-progress[role=status]");
            Assert.Contains("all files, started by admin@example.test", progress.Text(), StringComparison.Ordinal);
            Assert.NotNull(progress!.QuerySelector("progress"));

            var second = await admin.PostFormAsync("/admin/import", new Dictionary<string, string>(), "/admin/import?handler=All");
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            var alert = (await AdminSite.ParseAsync(second)).QuerySelector("[role=alert]").Text();
            Assert.Contains("An import is already running (all files, started by admin@example.test)", alert, StringComparison.Ordinal);
            Assert.Contains("Yours was not started", alert, StringComparison.Ordinal);

            var upload = await AdminSite.UploadAsync(admin, ("late.txt", Encoding.UTF8.GetBytes(AdminSite.Article("Dori"))));
            Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);
            Assert.Contains("Nothing was uploaded", (await AdminSite.ParseAsync(upload)).QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
            Assert.False(Directory.Exists(site.Uploads));

            await File.WriteAllTextAsync(pipe, AdminSite.Article("Tangaye"));
            released = true;
            var done = await AdminSite.WaitForImportAsync(admin);
            Assert.Equal(new Dictionary<string, (string, string)> { ["slow.txt"] = ("new", "") }, AdminSite.Report(done));
            Assert.Single(done.QuerySelectorAll("table.import-runs tbody tr"));
        }
        finally
        {
            if (!released)
            {
                // Let a blocked import end, so the app can stop; bounded in case the import never opened the pipe.
                await Task.Run(() => File.WriteAllText(pipe, AdminSite.Article("Tangaye"))).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            }
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.True(mkfifo.ExitCode == 0, "mkfifo failed: " + mkfifo.StandardError.ReadToEnd());
    }
}
