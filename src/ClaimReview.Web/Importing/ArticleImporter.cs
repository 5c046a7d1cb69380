using System.Diagnostics;
using ClaimReview.Extraction;
using ClaimReview.Extraction.Linking;
using ClaimReview.Extraction.Parsing;
using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Importing;

/// <summary>
/// Imports article files: unchanged files (same content hash) are skipped, new and changed ones are extracted and
/// written a chunk per transaction with a savepoint per file, so a failing file leaves the database as it was and
/// does not stop the others, and a killed import leaves only whole files behind.
/// Records are matched by their stable keys, so re-importing keeps the ids of everything that is still the same, and
/// what people did to them (see ArticleWriter) is kept.
/// </summary>
public sealed partial class ArticleImporter(
    ClaimReviewDb db, DatabaseOptions database, ImportOptions options, TimeProvider clock, ILogger<ArticleImporter> logger)
{
    private bool _reextract;

    private sealed record Prepared(SourceFile Source, string? Hash, ArticleExtraction? Extraction, FileOutcome? Done)
    {
        /// <summary>Extracted again although the file is as last imported (a re-extracting import).</summary>
        public bool Reextracted { get; init; }

        /// <summary>What the extractor found, before linking gave its records the keys of known ones (what the next chunk's extraction is told about).</summary>
        public ArticleExtraction? Extracted { get; init; }
    }

    /// <summary>
    /// Imports <paramref name="paths"/> (files or folders). Unchanged files are skipped unless <paramref name="reextract"/>
    /// is set: then every file is extracted and written again (after editors changed aliases, say), and what people
    /// did to the records (verdicts, tags, notes, edits, merges, removed links) is kept either way.
    /// </summary>
    public async Task<ImportReport> ImportAsync(
        IReadOnlyList<string> paths, string trigger, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default,
        bool reextract = false)
    {
        var started = Stopwatch.GetTimestamp();
        using var importLock = TakeImportLock();
        db.Author = null; // the importer's writes are the system's, not a person's: they are not audited
        _reextract = reextract;
        var sources = SourceFile.Expand(paths);
        var run = new ImportRun { StartedAt = clock.GetUtcNow(), Trigger = trigger };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        await LexiconStore.EnsureSeededAsync(db, cancellationToken);
        var lexicon = await LexiconStore.LoadAsync(db, cancellationToken);
        var extractor = new ArticleExtractor(lexicon.Entries);
        var state = await ImportState.LoadAsync(db, lexicon, cancellationToken);

        var outcomes = new List<FileOutcome>(sources.Count);
        var chunks = sources.Chunk(options.ChunkSize).ToList();
        using (var writer = new ArticleWriter(db, state, clock.GetUtcNow(), options.PageRefreshInterval))
        {
            var context = new ExtractionContext([.. state.KnownEvents]);
            // Links each article to the records the database and the articles before it hold, in file order (see Prepare).
            var linker = new StoryLinker(context with { KnownClaims = [.. state.KnownClaims] });
            var next = chunks.Count > 0 ? Task.Run(() => Prepare(chunks[0], extractor, context, state, linker), cancellationToken) : null;
            for (var c = 0; c < chunks.Count; c++)
            {
                var prepared = await next!;
                // The next chunk is extracted and linked while this one is written, against the events known so far plus this chunk's.
                if (c + 1 < chunks.Count)
                {
                    var following = chunks[c + 1];
                    var wider = new ExtractionContext([.. state.KnownEvents, .. EventsOf(prepared).KnownEvents]);
                    next = Task.Run(() => Prepare(following, extractor, wider, state, linker), cancellationToken);
                }
                writer.BeginBatch();
                foreach (var file in prepared)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var outcome = file.Done ?? Write(writer, file);
                    outcomes.Add(outcome);
                    if (outcome.Outcome == ImportOutcome.Failed)
                    {
                        LogFailed(logger, outcome.SourceFile, outcome.Message);
                    }
                }
                writer.CommitBatch();
                progress?.Report(new ImportProgress(outcomes.Count, sources.Count));
            }
        }

        run.FinishedAt = clock.GetUtcNow();
        run.NewCount = outcomes.Count(o => o.Outcome == ImportOutcome.New);
        run.UpdatedCount = outcomes.Count(o => o.Outcome == ImportOutcome.Updated);
        run.UnchangedCount = outcomes.Count(o => o.Outcome == ImportOutcome.Unchanged);
        run.FailedCount = outcomes.Count(o => o.Outcome == ImportOutcome.Failed);
        db.ImportRuns.Attach(run);
        db.Entry(run).State = EntityState.Modified;
        db.ImportFileResults.AddRange(outcomes.Select(o => new ImportFileResult { ImportRunId = run.Id, SourceFile = o.SourceFile, Outcome = o.Outcome, Message = o.Message }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var report = new ImportReport(run.Id, outcomes, Stopwatch.GetElapsedTime(started));
        LogFinished(logger, trigger, report.Summary);
        return report;
    }

    /// <summary>
    /// One import at a time per database, across processes (the web app and the CLI): an exclusive lock on a file
    /// beside the database, released when the import ends, even if the process dies.
    /// </summary>
    private FileStream TakeImportLock()
    {
        var path = database.Path + ".import-lock";
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException exception)
        {
            throw new ImportAbortedException($"another import is running on this database ({path} is locked); try again when it has finished", exception);
        }
    }

    /// <summary>
    /// Reads, hashes, decodes and extracts a chunk of files in parallel, then links them in file order (no database
    /// access): this runs beside the writing of the chunk before, so the writer only writes. Chunks are prepared one
    /// after another, so the linker sees every article in file order.
    /// </summary>
    private Prepared[] Prepare(SourceFile[] chunk, ArticleExtractor extractor, ExtractionContext context, ImportState state, StoryLinker linker)
    {
        var prepared = Extract(chunk, extractor, context, state);
        for (var i = 0; i < prepared.Length; i++)
        {
            if (prepared[i].Extraction is { } extraction)
            {
                prepared[i] = Link(prepared[i], extraction, linker);
            }
        }
        return prepared;
    }

    /// <summary>
    /// Links one article to the records known from the database and the articles linked before it, and makes its own
    /// known to those after it. An article whose write fails later stays known to the linker: the articles linked to
    /// one of its records then create that record themselves (its key is all they share).
    /// </summary>
    private Prepared Link(Prepared prepared, ArticleExtraction extraction, StoryLinker linker)
    {
        try
        {
            var linked = linker.Link(extraction);
            linker.Remember(linked);
            return prepared with { Extraction = linked, Extracted = extraction };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogExtractionCrash(logger, exception, prepared.Source.Name);
            return Failed(prepared.Source, $"linking failed: {exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>Extraction leaves one core to the writer, the import's critical path (on one core it uses that one).</summary>
    private static readonly ParallelOptions Extraction = new() { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) };

    private Prepared[] Extract(SourceFile[] chunk, ArticleExtractor extractor, ExtractionContext context, ImportState state)
    {
        var prepared = new Prepared[chunk.Length];
        Parallel.For(0, chunk.Length, Extraction, i => prepared[i] = Prepare(chunk[i], extractor, context, state));

        // An undated article is resolved against the other articles on the story: retry the ones that left an
        // event undated, now that this chunk's dated articles are known too.
        var retry = Enumerable.Range(0, chunk.Length).Where(i => prepared[i].Extraction is { } x && NeedsStoryDates(x)).ToList();
        if (retry.Count > 0 && prepared.Any(p => p.Extraction is { Article.Published: not null }))
        {
            var combined = new ExtractionContext([.. context.KnownEvents, .. EventsOf(prepared).KnownEvents]);
            Parallel.ForEach(retry, Extraction, i => prepared[i] = Prepare(chunk[i], extractor, combined, state));
        }
        return prepared;
    }

    private static ExtractionContext EventsOf(Prepared[] prepared) =>
        ExtractionContext.FromExtractions(prepared.Select(p => p.Extracted ?? p.Extraction).OfType<ArticleExtraction>());

    private static bool NeedsStoryDates(ArticleExtraction extraction) =>
        extraction.Article.Published is null && extraction.Events.Any(e => e.Date?.Date is null);

    private Prepared Prepare(SourceFile source, ArticleExtractor extractor, ExtractionContext context, ImportState state)
    {
        if (source.Error is not null || source.FullPath is null)
        {
            return Failed(source, source.Error ?? "no such file");
        }
        byte[] bytes;
        try
        {
            var length = new FileInfo(source.FullPath).Length;
            if (length > options.MaxArticleBytes)
            {
                return Failed(source, $"file is {Megabytes(length)}, over the {Megabytes(options.MaxArticleBytes)} limit");
            }
            bytes = File.ReadAllBytes(source.FullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Failed(source, $"cannot read the file: {exception.Message}");
        }

        var hash = ImportSources.ContentHash(bytes);
        if (!_reextract && state.InitialHashes.TryGetValue(source.Name, out var existing) && existing == hash)
        {
            return new Prepared(source, hash, null, new FileOutcome(source.Name, ImportOutcome.Unchanged, null));
        }

        var decoded = ArticleDecoder.Decode(bytes, options.MaxArticleBytes);
        if (decoded.Error is not null)
        {
            return Failed(source, decoded.Error.Message);
        }
        try
        {
            var result = extractor.Extract(decoded.Text!, context);
            return result.Error is not null ? Failed(source, result.Error.Message)
                : new Prepared(source, hash, result.Extraction, null) { Reextracted = state.InitialHashes.TryGetValue(source.Name, out var before) && before == hash };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in a rule must cost one file, not the import.
            LogExtractionCrash(logger, exception, source.Name);
            return Failed(source, $"extraction failed: {exception.GetType().Name}: {exception.Message}");
        }
    }

    private static Prepared Failed(SourceFile source, string message) => new(source, null, null, new FileOutcome(source.Name, ImportOutcome.Failed, message));

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.0} MB";

    /// <summary>Writes one article and everything found in it under its own savepoint; a failure costs that file only.</summary>
    private FileOutcome Write(ArticleWriter writer, Prepared prepared)
    {
        var name = prepared.Source.Name;
        var isUpdate = writer.Knows(name);
        try
        {
            writer.Write(name, prepared.Hash!, prepared.Extraction!);
            // Junk input and records beyond the limits per article are said in the report, beside the outcome.
            var warnings = prepared.Extraction!.Warnings.Count == 0 ? null : "warning: " + string.Join("; ", prepared.Extraction.Warnings);
            return prepared.Reextracted ? new FileOutcome(name, ImportOutcome.Unchanged, warnings is null ? "file unchanged; extracted again" : "file unchanged; extracted again; " + warnings)
                : new FileOutcome(name, isUpdate ? ImportOutcome.Updated : ImportOutcome.New, warnings);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not ImportAbortedException)
        {
            LogWriteFailed(logger, exception, name);
            return new FileOutcome(name, ImportOutcome.Failed, $"could not be saved, nothing of it was kept: {exception.GetBaseException().Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import of {SourceFile} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string sourceFile, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Extraction crashed on {SourceFile}")]
    private static partial void LogExtractionCrash(ILogger logger, Exception exception, string sourceFile);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not save {SourceFile}; its transaction was rolled back")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string sourceFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import ({Trigger}) finished: {Summary}")]
    private static partial void LogFinished(ILogger logger, string trigger, string summary);
}
