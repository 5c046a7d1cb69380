using System.Diagnostics;
using ClaimReview.Web.Data;
using ClaimReview.Web.Tests.Importing;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Tests.Hostile;

/// <summary>Pipes, devices and link loops among the article files: the import reads regular files only and says what it skipped.</summary>
public sealed class SpecialFileTests
{
    [Fact]
    public async Task Pipes_devices_and_link_loops_are_skipped_with_a_reason_and_the_seeds_still_import()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // needs mkfifo and /dev/zero
        }
        await using var fixture = ImportFixture.WithSeeds();
        Run("mkfifo", fixture.PathOf("pipe.txt"));
        File.CreateSymbolicLink(fixture.PathOf("zero.txt"), "/dev/zero");
        File.CreateSymbolicLink(fixture.PathOf("urandom.txt"), "/dev/urandom");
        File.CreateSymbolicLink(fixture.PathOf("loop-a.txt"), fixture.PathOf("loop-b.txt"));
        File.CreateSymbolicLink(fixture.PathOf("loop-b.txt"), fixture.PathOf("loop-a.txt"));
        Directory.CreateSymbolicLink(fixture.PathOf("again"), fixture.Folder);
        var outside = Path.Combine(fixture.App.Folder, "outside.txt");
        await File.WriteAllTextAsync(outside, "A title outside the folder\n\nA body that should not be read.\n");
        File.CreateSymbolicLink(fixture.PathOf("outside.txt"), outside);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var report = await fixture.ImportAsync().WaitAsync(timeout.Token);

        Assert.Equal(5, report.Count(ImportOutcome.New));
        var failed = report.Files.Where(f => f.Outcome == ImportOutcome.Failed).ToDictionary(f => f.SourceFile, f => f.Message ?? "");
        Assert.Contains("pipe or device", failed["pipe.txt"], StringComparison.Ordinal);
        Assert.Contains("outside the folders named", failed["zero.txt"], StringComparison.Ordinal);
        Assert.Contains("outside the folders named", failed["urandom.txt"], StringComparison.Ordinal);
        Assert.Contains("loop", failed["loop-a.txt"], StringComparison.Ordinal);
        Assert.Contains("outside the folders named", failed["outside.txt"], StringComparison.Ordinal);
        Assert.Contains(failed, f => f.Key.StartsWith("again", StringComparison.Ordinal) && f.Value.Contains("loop", StringComparison.Ordinal));
        Assert.Equal(5, await fixture.QueryAsync(db => db.Articles.CountAsync()));
    }

    private static void Run(string command, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(command, [argument]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
