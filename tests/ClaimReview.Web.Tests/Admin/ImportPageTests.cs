using System.Net;
using System.Text;
using ClaimReview.Testing;
using ClaimReview.Web.Accounts;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Admin;

public sealed class ImportPageTests
{
    [Fact]
    public async Task Files_are_listed_as_new_changed_or_unchanged_since_the_last_import()
    {
        await using var site = AdminSite.Create();
        using var admin = await site.App.SignInAsync(Roles.Admin);
        var names = AdminSite.SeedNames;

        var before = AdminSite.States(await admin.GetPageAsync("/admin/import"));
        Assert.Equal(names, before.Keys.Order(StringComparer.Ordinal));
        Assert.All(before.Values, state => Assert.Equal("unchanged", state));

        await File.AppendAllTextAsync(Path.Combine(site.Seeds, names[1]), "\nA paragraph added after the import.\n");
        await File.WriteAllTextAsync(Path.Combine(site.Seeds, "005_new.txt"), AdminSite.Article("Tangaye"));
        File.Delete(Path.Combine(site.Seeds, names[4]));

        var page = await admin.GetPageAsync("/admin/import");
        var after = AdminSite.States(page);
        Assert.Equal("changed", after[names[1]]);
        Assert.Equal("new", after["005_new.txt"]);
        Assert.Equal("unchanged", after[names[0]]);
        Assert.False(after.ContainsKey(names[4]));
        var gone = page.QuerySelectorAll("ul.missing-files li").Select(li => li.Text()).ToList();
        Assert.Single(gone);
        Assert.StartsWith(names[4], gone[0], StringComparison.Ordinal);
        Assert.Equal(["1", "1", "3"], page.QuerySelectorAll(".counts dd").Take(3).Select(d => d.Text()));

        // Touching a file without changing its text leaves it unchanged.
        File.SetLastWriteTimeUtc(Path.Combine(site.Seeds, names[2]), DateTime.UtcNow.AddMinutes(5));
        Assert.Equal("unchanged", AdminSite.States(await admin.GetPageAsync("/admin/import"))[names[2]]);
    }

    [Fact]
    public async Task Re_import_all_asks_for_confirmation_before_anything_runs()
    {
        await using var site = AdminSite.Create();
        using var admin = await site.App.SignInAsync(Roles.Admin);
        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
        var runs = await db.ImportRuns.CountAsync();

        var page = await admin.GetPageAsync("/admin/import");
        Assert.Null(page.QuerySelector("form[action='/admin/import?handler=All']"));
        var link = page.QuerySelectorAll("a").Single(a => a.Text().StartsWith("Re-import all files", StringComparison.Ordinal));

        var confirm = await admin.GetPageAsync(link.GetAttribute("href")!);
        var box = confirm.QuerySelector("#confirm")!;
        Assert.Contains($"Re-import all {AdminSite.SeedNames.Length} files?", box.Text(), StringComparison.Ordinal);
        Assert.Contains("what people decided", box.Text(), StringComparison.Ordinal);
        Assert.Equal("Yes, re-import all files", box.QuerySelector("form[action='/admin/import?handler=All'] button").Text());
        Assert.Equal(runs, await db.ImportRuns.CountAsync());
    }

    [Fact]
    public async Task Re_importing_all_files_reports_each_one_and_records_who_started_it()
    {
        await using var site = AdminSite.Create();
        using var admin = await site.App.SignInAsync(Roles.Admin);
        var names = AdminSite.SeedNames;
        await File.AppendAllTextAsync(Path.Combine(site.Seeds, names[0]), "\nA paragraph added after the import.\n");
        await File.WriteAllTextAsync(Path.Combine(site.Seeds, "005_new.txt"), AdminSite.Article("Tangaye"));
        await File.WriteAllBytesAsync(Path.Combine(site.Seeds, "006_empty.txt"), []);

        AdminSite.AssertRedirect(await admin.PostFormAsync("/admin/import", new Dictionary<string, string>(), "/admin/import?handler=All"), "/admin/import");
        var page = await AdminSite.WaitForImportAsync(admin);

        var report = AdminSite.Report(page);
        Assert.Equal(("updated", ""), report[names[0]]);
        Assert.Equal(("new", ""), report["005_new.txt"]);
        Assert.Equal("failed", report["006_empty.txt"].Result);
        Assert.NotEmpty(report["006_empty.txt"].Reason);
        Assert.All(names[1..], n => Assert.Equal("unchanged", report[n].Result));
        Assert.Contains("all files, started by admin@example.test", page.QuerySelector(".import-report").Text(), StringComparison.Ordinal);

        var states = AdminSite.States(page);
        Assert.Equal("unchanged", states[names[0]]);
        Assert.Equal("unchanged", states["005_new.txt"]);
        Assert.Equal("refused", states["006_empty.txt"]); // an empty file is never read: listed as refused, with the reason

        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
        var run = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync();
        Assert.Equal("web:admin@example.test", run.Trigger);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "import");
        Assert.Equal(("admin@example.test", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.UserName, entry.EntityId));
        Assert.Contains("1 new, 1 updated, 4 unchanged, 1 failed", entry.NewValue, StringComparison.Ordinal);
        // The importer's own writes are not recorded as the admin's edits.
        Assert.Empty(await db.AuditEntries.AsNoTracking().Where(a => a.EntityType != "import" && a.EntityType != "user").ToListAsync());

        var runPage = await admin.GetPageAsync($"/admin/import/runs/{run.Id}");
        Assert.Equal("006_empty.txt", runPage.QuerySelector("table.import-files tbody tr td").Text()); // failures first
    }

    [Fact]
    public async Task Re_importing_one_file_imports_only_that_file()
    {
        await using var site = AdminSite.Create();
        using var admin = await site.App.SignInAsync(Roles.Admin);
        var names = AdminSite.SeedNames;
        await File.AppendAllTextAsync(Path.Combine(site.Seeds, names[2]), "\nA paragraph added after the import.\n");
        await File.AppendAllTextAsync(Path.Combine(site.Seeds, names[3]), "\nAnother added paragraph.\n");

        var response = await admin.PostFormAsync("/admin/import", new Dictionary<string, string> { ["folder"] = "seeds", ["name"] = names[2] }, "/admin/import?handler=One");
        AdminSite.AssertRedirect(response, "/admin/import");
        var page = await AdminSite.WaitForImportAsync(admin);

        Assert.Equal(new Dictionary<string, (string, string)> { [names[2]] = ("updated", "") }, AdminSite.Report(page));
        var states = AdminSite.States(page);
        Assert.Equal("unchanged", states[names[2]]);
        Assert.Equal("changed", states[names[3]]);

        // A name the listing does not show is refused, whatever path it spells.
        var forged = await admin.PostFormAsync("/admin/import", new Dictionary<string, string> { ["folder"] = "seeds", ["name"] = "../claimreview.db" }, "/admin/import?handler=One");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("There is no file ../claimreview.db in the seeds folder", (await AdminSite.ParseAsync(forged)).QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_refused_by_the_import_lock_of_another_process_says_so()
    {
        await using var site = AdminSite.Create();
        using var admin = await site.App.SignInAsync(Roles.Admin);
        // What a CLI import in another process holds while it runs.
        await using (new FileStream(site.App.DatabasePath + ".import-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            AdminSite.AssertRedirect(await admin.PostFormAsync("/admin/import", new Dictionary<string, string>(), "/admin/import?handler=All"), "/admin/import");
            var page = await AdminSite.WaitForImportAsync(admin);
            var alert = page.QuerySelector(".import-report [role=alert]").Text();
            Assert.Contains("another import is running on this database", alert, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Uploaded_articles_are_stored_under_safe_names_in_the_uploads_folder_and_imported()
    {
        await using var site = AdminSite.Create();
        using var admin = await site.App.SignInAsync(Roles.Admin);
        var before = Directory.GetFiles(site.App.Folder, "*", SearchOption.AllDirectories).ToHashSet();
        var longName = new string('a', 300) + ".txt";

        var response = await AdminSite.UploadAsync(admin,
            ("../../etc/passwd.txt", Encoding.UTF8.GetBytes(AdminSite.Article("Dori"))),
            ("..\\..\\seeds\\x.txt", Encoding.UTF8.GetBytes(AdminSite.Article("Djibo"))),
            ("/tmp/absolute.txt", Encoding.UTF8.GetBytes(AdminSite.Article("Kaya"))),
            ("passwd.txt", Encoding.UTF8.GetBytes(AdminSite.Article("Gorom"))),
            (AdminSite.SeedNames[0], Encoding.UTF8.GetBytes(AdminSite.Article("Arbinda"))),
            (longName, Encoding.UTF8.GetBytes(AdminSite.Article("Sebba"))));
        AdminSite.AssertRedirect(response, "/admin/import");
        var page = await AdminSite.WaitForImportAsync(admin);

        var stored = Directory.GetFiles(site.Uploads).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var expected = new[] { "passwd.txt", "x.txt", "absolute.txt", "passwd-2.txt", Path.GetFileNameWithoutExtension(AdminSite.SeedNames[0]) + "-2.txt", new string('a', 80) + ".txt" };
        Assert.Equal(expected.Order(StringComparer.Ordinal), stored);
        // Nothing was written anywhere else, and the seed of the same name is untouched.
        var after = Directory.GetFiles(site.App.Folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(site.Uploads + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !before.Contains(f) && !f.Contains("claimreview.db", StringComparison.Ordinal) && !f.Contains("/logs/", StringComparison.Ordinal));
        Assert.Empty(after);
        Assert.False(File.Exists("/tmp/absolute.txt") && File.ReadAllText("/tmp/absolute.txt").Contains("Kaya", StringComparison.Ordinal));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Seeds, AdminSite.SeedNames[0])), await File.ReadAllBytesAsync(Path.Combine(site.Seeds, AdminSite.SeedNames[0])));

        var report = AdminSite.Report(page);
        Assert.Equal(expected.Order(StringComparer.Ordinal), report.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Values, r => Assert.Equal(("new", ""), r));
        Assert.Contains("upload of 6 files", page.QuerySelector(".import-report").Text(), StringComparison.Ordinal);
        var states = AdminSite.States(page);
        Assert.All(expected, name => Assert.Equal("unchanged", states[name]));
        var articles = await admin.GetPageAsync("/articles");
        Assert.Contains(articles.QuerySelectorAll("main table a"), a => a.Text().Contains("Dori", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Empty_and_binary_uploads_are_stored_and_reported_as_failed_with_the_importers_reason()
    {
        await using var site = AdminSite.Create();
        using var admin = await site.App.SignInAsync(Roles.Admin);

        var response = await AdminSite.UploadAsync(admin, ("empty.txt", []), ("binary.txt", [0x00, 0x01, 0xFF, 0xFE, 0x00, 0x89, 0x50, 0x4E, 0x47]));
        AdminSite.AssertRedirect(response, "/admin/import");
        var report = AdminSite.Report(await AdminSite.WaitForImportAsync(admin));

        Assert.Equal("failed", report["empty.txt"].Result);
        Assert.Equal("failed", report["binary.txt"].Result);
        Assert.NotEmpty(report["empty.txt"].Reason);
        Assert.NotEmpty(report["binary.txt"].Reason);
    }

    [Fact]
    public async Task Oversized_and_non_txt_uploads_are_refused_with_a_clear_message_and_nothing_is_stored()
    {
        await using var site = AdminSite.Create(settings: ("ClaimReview:MaxUploadBytes", "2000"));
        using var admin = await site.App.SignInAsync(Roles.Admin);
        var big = Encoding.UTF8.GetBytes(AdminSite.Article("Tangaye") + new string('x', 2000));

        var oversized = await AdminSite.UploadAsync(admin, ("fine.txt", Encoding.UTF8.GetBytes(AdminSite.Article("Dori"))), ("big.txt", big));
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        var alert = (await AdminSite.ParseAsync(oversized)).QuerySelector("[role=alert]").Text();
        Assert.Contains("big.txt: the file is", alert, StringComparison.Ordinal);
        Assert.Contains("over the 2 KB upload limit", alert, StringComparison.Ordinal);
        Assert.Contains("Nothing was uploaded.", alert, StringComparison.Ordinal);

        var wrongType = await AdminSite.UploadAsync(admin, ("notes.md", Encoding.UTF8.GetBytes("# notes")), ("run.txt.exe", [0x4D, 0x5A]), ("noextension", [0x41]));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var message = (await AdminSite.ParseAsync(wrongType)).QuerySelector("[role=alert]").Text();
        Assert.Contains("notes.md: only .txt files can be uploaded.", message, StringComparison.Ordinal);
        Assert.Contains("run.txt.exe: only .txt files can be uploaded.", message, StringComparison.Ordinal);
        Assert.Contains("noextension: only .txt files can be uploaded.", message, StringComparison.Ordinal);

        Assert.False(Directory.Exists(site.Uploads) && Directory.EnumerateFileSystemEntries(site.Uploads).Any());
        Assert.Null(site.App.Services.GetRequiredService<Web.Importing.ImportJobs>().Last);
    }
}
