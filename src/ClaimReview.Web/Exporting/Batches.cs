using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace ClaimReview.Web.Exporting;

/// <summary>
/// Reads a query in id order, a batch at a time (keyset paging on the <c>Id</c> column), so an export holds one batch
/// of records and their children in memory, never the whole database.
/// </summary>
public static class Batches
{
    public const int Size = 256;

    public static IAsyncEnumerable<List<T>> InBatchesAsync<T>(this IQueryable<T> query, Func<T, long> id,
        CancellationToken cancellationToken = default) where T : class =>
        query.InBatchesAsync(x => x, id, cancellationToken);

    /// <summary>Batches of the rows <paramref name="select"/> projects from the entities of <paramref name="query"/>.</summary>
    public static async IAsyncEnumerable<List<TRow>> InBatchesAsync<T, TRow>(this IQueryable<T> query, Expression<Func<T, TRow>> select, Func<TRow, long> id,
        [EnumeratorCancellation] CancellationToken cancellationToken = default) where T : class
    {
        var last = long.MinValue;
        while (true)
        {
            var after = last;
            var batch = await query.Where(x => EF.Property<long>(x, "Id") > after).OrderBy(x => EF.Property<long>(x, "Id"))
                .Take(Size).Select(select).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                yield break;
            }
            yield return batch;
            if (batch.Count < Size)
            {
                yield break;
            }
            last = id(batch[^1]);
        }
    }
}
