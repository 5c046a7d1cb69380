using Microsoft.Data.Sqlite;

namespace ClaimReview.Web.Importing;

/// <summary>
/// Copies the write-ahead log back into the database file on a thread of its own while an import writes. SQLite's
/// automatic checkpoint runs inside the commit that crosses its threshold, on the import's writer thread, the import's
/// critical path: it copies pages and waits for the disk. During an import the import's connection does not checkpoint;
/// after each committed chunk this one does, on its own connection (a passive checkpoint: it never blocks the writer or a
/// reader, and copies what is committed). Disposing it waits for the last checkpoint and gives the import's connection its
/// automatic checkpoints back (the threshold it had), so the web app's own writes checkpoint as before.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private readonly SqliteConnection _writer;
    private readonly string _connectionString;
    private readonly long _autoCheckpoint;
    private readonly SemaphoreSlim _due = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WalCheckpointer(SqliteConnection writer)
    {
        _writer = writer;
        _connectionString = writer.ConnectionString;
        using (var read = writer.CreateCommand())
        {
            read.CommandText = "PRAGMA wal_autocheckpoint";
            _autoCheckpoint = (long)read.ExecuteScalar()!;
        }
        SetAutoCheckpoint(writer, 0);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>A chunk was committed: checkpoint soon (a request made while one is pending is the same request).</summary>
    public void Committed()
    {
        try
        {
            _due.Release();
        }
        catch (SemaphoreFullException)
        {
            // already due
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait();
        }
        catch (AggregateException)
        {
            // a failed checkpoint leaves the log as it is; SQLite checkpoints it later
        }
        SetAutoCheckpoint(_writer, _autoCheckpoint);
        _stop.Dispose();
        _due.Dispose();
    }

    private async Task LoopAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _due.WaitAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            Checkpoint(connection);
        }
        Checkpoint(connection);
    }

    private static void Checkpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        command.ExecuteNonQuery();
    }

    private static void SetAutoCheckpoint(SqliteConnection connection, long pages)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_autocheckpoint = {pages.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        command.ExecuteNonQuery();
    }
}
