using ClaimReview.Testing;
using ClaimReview.Web.Auditing;
using ClaimReview.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Web.Tests.Exporting;

/// <summary>
/// The seeds imported, then what people add: a verdict (with a rationale that tries to close a script element), a
/// claim summary that would be a spreadsheet formula, a note on that claim, and a highlight on an article.
/// </summary>
public sealed class ExportSite : IAsyncLifetime
{
    public const string Rationale = "Police deny it </script><script>alert(1)</script> & more";
    public const string FormulaSummary = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public const string NoteBody = "Check the *Amaq* wording.";
    public const string HighlightQuote = "Shopian";

    public TestApp App { get; } = new(importSeeds: true);
    public HttpClient Client { get; private set; } = null!;
    public long JudgedClaimId { get; private set; }
    public long FormulaClaimId { get; private set; }
    public long HighlightArticleId { get; private set; }
    public int HighlightStart { get; private set; }

    public async Task InitializeAsync()
    {
        Client = await App.SignInAsync(Web.Accounts.Roles.Analyst);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
        db.Author = new ChangeAuthor(null, "editor@example.test");
        var claims = await db.Claims.OrderBy(c => c.Id).Where(c => c.Kind == Extraction.Claims.ClaimKind.Territorial).Take(2).ToListAsync();
        var judged = claims[0];
        (judged.Status, judged.VerdictRationale, judged.VerdictBy, judged.VerdictAt) =
            (ClaimStatus.Refuted, Rationale, "editor@example.test", new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero));
        claims[1].Summary = FormulaSummary;
        var article = await db.Articles.OrderBy(a => a.Id).FirstAsync(a => a.RawText.Contains(HighlightQuote));
        var start = article.RawText.IndexOf(HighlightQuote, StringComparison.Ordinal);
        var now = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        db.Annotations.Add(new Annotation { TargetType = AnnotationTarget.Claim, TargetId = judged.Id, Body = NoteBody, AuthorId = "x", AuthorName = "analyst@example.test", CreatedAt = now, UpdatedAt = now });
        db.Annotations.Add(new Annotation
        {
            TargetType = AnnotationTarget.Article,
            TargetId = article.Id,
            Body = "Where it happened",
            Quote = HighlightQuote,
            Start = start,
            End = start + HighlightQuote.Length,
            AuthorId = "x",
            AuthorName = "analyst@example.test",
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        (JudgedClaimId, FormulaClaimId, HighlightArticleId, HighlightStart) = (judged.Id, claims[1].Id, article.Id, start);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    public async Task<byte[]> DownloadAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
