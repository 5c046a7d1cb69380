using System.Net;
using System.Text;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Importing;
using ClaimReview.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Admin;

/// <summary>
/// One import at a time. The running import is held up deterministically by a gate the test registers (a slow disk
/// or network share, made exact): the job waits on it before importing, so the second request is certain to arrive
/// while the first import runs.
/// </summary>
public sealed class ImportJobTests
{
    [Fact]
    public async Task A_second_import_while_one_runs_is_told_that_one_is_running_and_starts_nothing()
    {
        var gate = new HeldGate();
        await using var site = AdminSite.Create(copySeeds: false, importSeeds: false);
        site.App.WithServices(services => services.AddSingleton<IImportJobGate>(gate));
        using var admin = await site.App.SignInAsync(Roles.Admin);
        await File.WriteAllTextAsync(Path.Combine(site.Seeds, "slow.txt"), AdminSite.Article("Tangaye"));
        try
        {
            AdminSite.AssertRedirect(await admin.PostFormAsync("/admin/import", new Dictionary<string, string>(), "/admin/import?handler=All"), "/admin/import");
            await gate.Reached.WaitAsync(TimeSpan.FromMinutes(1));

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
        }
        finally
        {
            gate.Release();
        }
        var done = await AdminSite.WaitForImportAsync(admin);
        Assert.Equal(new Dictionary<string, (string, string)> { ["slow.txt"] = ("new", "") }, AdminSite.Report(done));
        Assert.Single(done.QuerySelectorAll("table.import-runs tbody tr"));
    }

    /// <summary>Holds every import job until released; says when a job is waiting on it.</summary>
    private sealed class HeldGate : IImportJobGate
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        public Task WaitAsync(CancellationToken cancellationToken)
        {
            _reached.TrySetResult();
            return _released.Task.WaitAsync(cancellationToken);
        }
    }
}
