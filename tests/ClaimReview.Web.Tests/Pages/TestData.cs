using ClaimReview.Testing;
using ClaimReview.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using ActorKind = ClaimReview.Extraction.Recognition.ActorKind;
using ClaimKind = ClaimReview.Extraction.Claims.ClaimKind;
using DatePrecision = ClaimReview.Extraction.Events.DatePrecision;
using EventKind = ClaimReview.Extraction.Events.EventKind;
using ParticipantRole = ClaimReview.Extraction.Events.ParticipantRole;

namespace ClaimReview.Web.Tests.Pages;

/// <summary>Rows written straight through <see cref="ClaimReviewDb"/> for cases the seeds do not cover, such as hostile text.</summary>
internal static class TestData
{
    public const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    public const string HostileTitle = "Group <script>alert(1)</script> claims";

    public sealed record HostileIds(long ArticleId, long ActorId, long ClaimId, long EventId);

    public static async Task<HostileIds> InsertHostileArticleAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimReviewDb>();
        var body = $"The <b>Group</b> said {Hostile} in Hostiletown on Friday.";
        var raw = HostileTitle + "\n\n" + body + "\n\nSubscribe <script>chrome()</script>";
        var bodyStart = raw.IndexOf(body, StringComparison.Ordinal);
        var article = new Article
        {
            SourceFile = "hostile.txt",
            ContentHash = "h",
            RawText = raw,
            Title = HostileTitle,
            Outlet = "<i>Outlet</i>",
            Published = new DateOnly(2019, 5, 11),
            ImportedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        article.Segments.Add(new ArticleSegment { Kind = SegmentKind.Paragraph, Ordinal = 0, Start = bodyStart, End = bodyStart + body.Length });
        article.Segments.Add(new ArticleSegment { Kind = SegmentKind.Boilerplate, Ordinal = 0, Start = raw.LastIndexOf("Subscribe", StringComparison.Ordinal), End = raw.Length });
        var actor = new Actor { Key = "hostile", Name = "<b>Group</b>", Kind = ActorKind.ArmedGroup, Origin = ActorOrigin.Discovered };
        actor.Aliases.Add(new ActorAlias { Text = "<script>alias</script>" });
        db.AddRange(article, actor);
        await db.SaveChangesAsync();

        var groupStart = raw.IndexOf("<b>Group</b>", StringComparison.Ordinal);
        db.ActorMentions.Add(new ActorMention { ActorId = actor.Id, ArticleId = article.Id, Text = "<b>Group</b>", Start = groupStart, End = groupStart + 12 });
        var hostileStart = raw.IndexOf(Hostile, StringComparison.Ordinal);
        var claim = new Claim { Key = "hostile-claim", ClaimantId = actor.Id, Kind = ClaimKind.Responsibility, Summary = "<script>summary()</script>", Status = ClaimStatus.Unverified };
        claim.Reports.Add(new ClaimReport { ArticleId = article.Id, Quote = body, Start = bodyStart, End = bodyStart + body.Length, AttributedToSource = true });
        var ev = new Event
        {
            Key = "hostile-event",
            Kind = EventKind.Attack,
            Date = new DateOnly(2019, 5, 10),
            DatePrecision = DatePrecision.Day,
            DateEvidence = "<script>on Friday</script>",
            Place = "<script>Hostiletown</script>",
            Country = "<b>Nowhere</b>",
        };
        ev.Reports.Add(new EventReport
        {
            ArticleId = article.Id,
            Quote = Hostile,
            Start = hostileStart,
            End = hostileStart + Hostile.Length,
            KilledMin = 3,
            KilledMax = 3,
            ReportedPlace = "<script>Hostiletown</script>",
            ReportedDate = new DateOnly(2019, 5, 10),
            ReportedDatePrecision = DatePrecision.Day,
        });
        ev.Reports.Add(new EventReport { ArticleId = article.Id, Quote = body, Start = bodyStart, End = bodyStart + body.Length, ReportedPlace = "<img src=x>" });
        ev.Participants.Add(new EventParticipant { ActorId = actor.Id, Role = ParticipantRole.Perpetrator });
        db.AddRange(claim, ev);
        await db.SaveChangesAsync();
        db.ClaimEvents.Add(new ClaimEvent { ClaimId = claim.Id, EventId = ev.Id });
        var discrepancy = new Discrepancy { SubjectType = SubjectType.Event, SubjectId = ev.Id, Field = "<script>place</script>" };
        discrepancy.Values.Add(new DiscrepancyValue { ArticleId = article.Id, Value = "<script>v</script>", Quote = Hostile });
        db.Discrepancies.Add(discrepancy);
        await db.SaveChangesAsync();
        return new HostileIds(article.Id, actor.Id, claim.Id, ev.Id);
    }
}
