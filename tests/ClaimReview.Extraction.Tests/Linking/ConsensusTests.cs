using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Linking;

namespace ClaimReview.Extraction.Tests.Linking;

public class ConsensusTests
{
    [Fact]
    public void The_spelling_most_reports_use_names_the_place()
    {
        Assert.Equal("Dúnmoré", ReportAgreement.Majority(["Dunmore", "Dúnmoré", "Dúnmoré", "Elsby"]));
    }

    [Fact]
    public void An_article_repeating_its_place_counts_once_against_two_other_outlets()
    {
        static ArticleEventReport Report(string article, string place, int day) => new(article,
            new EventReport("quote", 0, 5, new ResolvedDate(new DateOnly(2025, 4, day), null, DatePrecision.Day, "on " + day), new PlaceRef(place, null, null, "Veltania"), null, null));
        var reports = new List<ArticleEventReport>
        {
            Report("long", "Ashcombe", 5), Report("long", "Ashcombe", 5), Report("long", "Ashcombe", 5),
            Report("wire", "Birchley", 6), Report("daily", "Birchley", 6),
        };
        var consensus = ReportAgreement.Settle(reports);
        Assert.Equal("Birchley", consensus.Place.Place);
        Assert.Equal(new DateOnly(2025, 4, 6), consensus.Day?.Date);
    }
}
