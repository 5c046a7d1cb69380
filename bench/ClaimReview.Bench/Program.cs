using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ClaimReview.Bench;
using ClaimReview.Extraction;
using ClaimReview.Extraction.Recognition;
using ClaimReview.Web.Data;
using ClaimReview.Web.Importing;
using ClaimReview.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Benchmarks (not tests): see docs/benchmarks.md for the commands and the figures recorded.
var verb = args.FirstOrDefault() ?? "help";
string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
var count = int.Parse(Option("--count", "10000"), CultureInfo.InvariantCulture);

switch (verb)
{
    case "generate":
        var outFolder = Path.GetFullPath(Option("--out", "bench/results/corpus"));
        CorpusGenerator.Generate(outFolder, count, int.Parse(Option("--seed", "2019"), CultureInfo.InvariantCulture));
        Console.WriteLine($"Wrote {count} articles to {outFolder}");
        return 0;
    case "import":
        return await ImportBenchmark(Option("--corpus", ""), count);
    case "extract":
        return ExtractBenchmark(count);
    case "adversarial":
        return args.Contains("--import")
            ? await AdversarialImport(int.Parse(Option("--max-kb", "4096"), CultureInfo.InvariantCulture), Option("--shape", ""))
            : AdversarialBenchmark(int.Parse(Option("--max-kb", "4096"), CultureInfo.InvariantCulture), Option("--shape", ""));
    default:
        Console.WriteLine("""
            ClaimReview benchmarks
              generate [--count N] [--out DIR] [--seed S]   write a synthetic corpus
              import   [--count N] [--corpus DIR]           import into a fresh database, then re-import unchanged
              extract  [--count N]                          extraction alone, single thread, in memory
              adversarial [--max-kb N] [--shape NAME]       hostile shapes at 64 KB, 256 KB, 1 MB, 4 MB: time per KB and records
              adversarial --import [--max-kb N]             each shape at its largest size through the importer, with the seeds
            """);
        return verb == "help" ? 0 : 2;
}

static async Task<int> ImportBenchmark(string corpus, int count)
{
    var work = Directory.CreateTempSubdirectory("claimreview-bench-").FullName;
    if (corpus.Length == 0)
    {
        corpus = Path.Combine(work, "corpus");
        CorpusGenerator.Generate(corpus, count);
    }
    var files = Directory.GetFiles(corpus, "*.txt");
    var megabytes = files.Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);

    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    builder.Configuration.AddInMemoryCollection([new("ClaimReview:Database", Path.Combine(work, "bench.db")), new("ClaimReview:SeedsDirectory", corpus)]);
    builder.Services.AddClaimReview();
    using var host = builder.Build();
    var database = host.Services.GetRequiredService<DatabaseOptions>();
    await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(database.ConnectionString);

    async Task<(ImportReport Report, double Seconds)> Run()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var started = Stopwatch.GetTimestamp();
        var report = await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync([corpus], "bench");
        return (report, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    var gc = GcUse.Now();
    var (first, firstSeconds) = await Run();
    var firstGc = gc.Since(files.Length);
    var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
    var (again, againSeconds) = await Run();

    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd}");
    Console.WriteLine($"Corpus: {files.Length} files, {megabytes:0.0} MB ({corpus})");
    Console.WriteLine($"First import:  {first.Summary}");
    Console.WriteLine($"               {firstSeconds:0.00} s, {files.Length / firstSeconds:0} articles/s, {megabytes / firstSeconds:0.00} MB/s, peak working set {peak:0} MB");
    Console.WriteLine($"               {firstGc}");
    Console.WriteLine($"Re-import:     {again.Summary}");
    Console.WriteLine($"               {againSeconds:0.00} s");
    Console.WriteLine($"Database:      {new FileInfo(database.Path).Length / (1024.0 * 1024.0):0.0} MB at {database.Path}");
    return first.AnyFailed ? 1 : 0;
}

static int ExtractBenchmark(int count)
{
    var random = new Random(2019);
    var texts = Enumerable.Range(0, count).Select(_ => CorpusGenerator.Article(random)).ToList();
    var megabytes = texts.Sum(t => t.Length * 2.0) / (1024 * 1024) / 2;
    var extractor = new ArticleExtractor(DefaultLexicon.Load());
    foreach (var text in texts.Take(50))
    {
        extractor.Extract(text); // warm-up
    }
    var gc = GcUse.Now();
    var started = Stopwatch.GetTimestamp();
    var records = 0;
    foreach (var text in texts)
    {
        var result = extractor.Extract(text).Extraction;
        records += result is null ? 0 : result.Mentions.Count + result.Claims.Count + result.Events.Count;
    }
    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    Console.WriteLine($"Extraction: {count} articles ({megabytes:0.0} MB of text) in {seconds:0.00} s single-threaded: {count / seconds:0} articles/s, {megabytes / seconds:0.0} MB/s, {records} records");
    Console.WriteLine($"            {gc.Since(count)}");
    return 0;
}

static int AdversarialBenchmark(int maxKb, string only)
{
    var extractor = new ArticleExtractor(DefaultLexicon.Load());
    extractor.Extract(AdversarialShapes.All[0].Build(16 * 1024)); // warm-up
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average {LoadAverage()}");
    Console.WriteLine($"| shape | size | seconds | ms per KB | mentions | claims | events | warnings |");
    Console.WriteLine($"| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    foreach (var (name, build) in AdversarialShapes.All.Where(s => only.Length == 0 || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
    {
        for (var kb = 64; kb <= maxKb; kb *= 4)
        {
            var text = build(kb * 1024);
            var started = Stopwatch.GetTimestamp();
            var result = extractor.Extract(text);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var x = result.Extraction;
            var warnings = x is null ? result.Error?.Message ?? "" : string.Join("; ", x.Warnings);
            Console.WriteLine($"| {name} | {kb:N0} KB | {seconds:0.000} | {seconds * 1000 / kb:0.000} | {x?.Mentions.Count ?? 0:N0} | {x?.Claims.Count ?? 0:N0} | {x?.Events.Count ?? 0:N0} | {(warnings.Length > 60 ? warnings[..60] + "…" : warnings)} |");
            if (seconds > 60)
            {
                Console.WriteLine($"| {name} | larger sizes skipped: over a minute | | | | | | |");
                break;
            }
        }
    }
    return 0;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static async Task<int> AdversarialImport(int kb, string only)
{
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average {LoadAverage()}");
    Console.WriteLine("| shape | size | import seconds | actors | claims | events | outcome |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
    foreach (var (name, build) in AdversarialShapes.All.Where(s => only.Length == 0 || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
    {
        var work = Directory.CreateTempSubdirectory("claimreview-adversarial-").FullName;
        var corpus = Directory.CreateDirectory(Path.Combine(work, "articles")).FullName;
        await File.WriteAllTextAsync(Path.Combine(corpus, "hostile.txt"), build(kb * 1024));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection([new("ClaimReview:Database", Path.Combine(work, "bench.db")), new("ClaimReview:SeedsDirectory", corpus)]);
        builder.Services.AddClaimReview();
        using var host = builder.Build();
        var database = host.Services.GetRequiredService<DatabaseOptions>();
        await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(database.ConnectionString);
        await using var scope = host.Services.CreateAsyncScope();
        var started = Stopwatch.GetTimestamp();
        var report = await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync([corpus], "bench");
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
        var file = report.Files.Single();
        var outcome = $"{file.Outcome}: {file.Message}";
        Console.WriteLine($"| {name} | {kb:N0} KB | {seconds:0.0} | {db.Actors.Count():N0} | {db.Claims.Count():N0} | {db.Events.Count():N0} | {(outcome.Length > 70 ? outcome[..70] + "…" : outcome)} |");
        Directory.Delete(work, recursive: true);
    }
    return 0;
}

/// <summary>What the process allocated and collected, and the CPU it used, since <see cref="Now"/>: the figures that tell
/// whether a change made the work cheaper or only moved it (wall time on a shared machine does not).</summary>
internal readonly record struct GcUse(long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Cpu, TimeSpan Paused)
{
    public static GcUse Now() => new(GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
        Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration());

    public string Since(int articles)
    {
        var now = Now();
        var allocated = (now.Allocated - Allocated) / (1024.0 * 1024.0);
        var cpu = (now.Cpu - Cpu).TotalMilliseconds;
        return FormattableString.Invariant(
            $"CPU {cpu / 1000:0.0} s ({cpu / articles:0.00} ms per article); allocated {allocated:0} MB ({allocated * 1024 / articles:0} KB per article); GCs {now.Gen0 - Gen0}/{now.Gen1 - Gen1}/{now.Gen2 - Gen2} (gen 0/1/2), paused {(now.Paused - Paused).TotalSeconds:0.0} s");
    }
}
