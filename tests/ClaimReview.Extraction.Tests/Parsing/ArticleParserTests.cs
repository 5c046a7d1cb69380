using ClaimReview.Extraction.Parsing;

namespace ClaimReview.Extraction.Tests.Parsing;

public class ArticleParserTests
{
    [Theory]
    [InlineData("000", "Islamic State claims 'province' in India for first time after clash in Jammu and Kashmir")]
    [InlineData("001", "In a first ISIS claims \u2018province\u2019 in India after Shopian gunfight")]
    [InlineData("002", "Isis claims \u2018province\u2019 in India-controlled Kashmir")]
    [InlineData("003", "Islamic State\u2019s Choice Of Kashmir As Its \u2018Wilayat\u2019: Implications of the \u2018Wilayat-ul-Hind \u2018Created By The ISIS As An Extension Of The Wilayat Khorasan In The Indian Subcontinent")]
    [InlineData("004", "Islamic State Announces 'Pakistan Province'")]
    public void Title_of_each_seed_is_its_headline(string seed, string title)
    {
        Assert.Equal(title, Parse(TestData.Seed(seed)).Title);
    }

    [Fact]
    public void Title_skips_leading_chrome()
    {
        var article = Parse(TestData.Seed("004"));
        Assert.StartsWith("Islamic State Announces", article.Title);
        Assert.Contains(article.Boilerplate, b => b.Text == "Accessibility links");
        Assert.Contains(article.Boilerplate, b => b.Text == "Breaking News");
    }

    [Theory]
    [InlineData("000", "Live TV")]
    [InlineData("001", "islamic state, iraq, syria, ISIS, IS")]
    [InlineData("001", "JK Bank")]
    [InlineData("001", "Dear reader, we report people's voice...")]
    [InlineData("003", "Mon May 17 2021, 01:28 PM")]
    [InlineData("003", "Comment | Comment")]
    [InlineData("004", "XS")]
    [InlineData("004", "LG")]
    [InlineData("004", "update")]
    [InlineData("004", "FILE- An Islamic State flag is captured in this photo illustration.")]
    public void Chrome_goes_to_boilerplate_and_never_into_paragraphs(string seed, string chrome)
    {
        var article = Parse(TestData.Seed(seed));
        Assert.Contains(article.Boilerplate, b => b.Text == chrome);
        Assert.DoesNotContain(article.Paragraphs, p => p.Text.Contains(chrome, StringComparison.Ordinal));
    }

    [Fact]
    public void Subscription_plea_and_link_soup_are_not_body_text()
    {
        Assert.DoesNotContain(Parse(TestData.Seed("001")).Paragraphs, p => p.Text.Contains("Subscribe today", StringComparison.Ordinal));
        Assert.DoesNotContain(Parse(TestData.Seed("003")).Paragraphs, p => p.Text.Contains("Islam OnlineIslamic Website", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicated_photo_captions_are_both_boilerplate()
    {
        var article = Parse(TestData.Seed("004"));
        Assert.Equal(2, article.Boilerplate.Count(b => b.Text.StartsWith("FILE - Rescue workers", StringComparison.Ordinal)));
    }

    [Fact]
    public void Page_render_clock_is_not_the_publication_date()
    {
        var article = Parse(TestData.Seed("003"));
        Assert.Equal(new DateOnly(2019, 5, 17), article.Published);
        Assert.Equal("New Age Islam", article.Outlet);
        Assert.Equal("New Age Islam Special Correspondent", article.Byline);
    }

    [Fact]
    public void Dateline_is_read_from_the_first_paragraph()
    {
        var article = Parse(TestData.Seed("000"));
        Assert.Equal("NEW DELHI/SRINAGAR", article.Dateline);
        Assert.Null(article.Published);
    }

    [Fact]
    public void Body_of_a_seed_keeps_its_paragraphs_in_order()
    {
        var article = Parse(TestData.Seed("002"));
        Assert.StartsWith("JIHADIST terror group Isis", article.Paragraphs[0].Text);
        Assert.StartsWith("Isis seeks to take advantage", article.Paragraphs[^1].Text);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Every_segment_is_the_raw_text_between_its_offsets(string seed)
    {
        var raw = TestData.Seed(seed);
        var article = Parse(raw);
        foreach (var segment in article.Paragraphs.Concat(article.Boilerplate))
        {
            Assert.Equal(segment.Text, raw[segment.Start..segment.End]);
        }

        Assert.Equal(article.Title, raw.Substring(article.TitleStart, article.Title.Length));
    }

    [Fact]
    public void Wire_credit_names_the_outlet_and_chrome_of_another_site_is_removed()
    {
        var article = Parse(TestData.Fixture("sahel_wire.txt"));
        Assert.Equal("Militants kill soldiers in northern Burkina Faso, JNIM claims attack", article.Title);
        Assert.Equal("Reuters", article.Outlet);
        Assert.Equal("OUAGADOUGOU", article.Dateline);
        Assert.Equal("Aline Sawadogo", article.Byline);
        Assert.Equal(new DateOnly(2024, 3, 3), article.Published);
        foreach (var chrome in new[] { "Share this article", "ADVERTISEMENT", "Related: Burkina junta extends transition by five years", "Facebook Twitter WhatsApp Email", "World | Africa | Sahel" })
        {
            Assert.Contains(article.Boilerplate, b => b.Text == chrome);
        }

        Assert.All(article.Paragraphs, p => Assert.DoesNotContain("Reporting by", p.Text));
    }

    [Theory]
    [InlineData("KORVA | Kingdom Office for Refugee and Victim Affairs", "KORVA")]
    [InlineData("Lakeside Monitor | Independent reporting from the lake districts", "Lakeside Monitor")]
    public void A_banner_naming_the_site_before_the_owners_copyright_gives_the_outlet(string banner, string outlet)
    {
        var article = Parse($"""
            {banner}
            Home | About | Reports | Contact
            Gunmen kill four guards at a border post in Vostari

            Gunmen attacked a border post in the town of Vostari on Monday, killing four guards, officials said.

            The attackers fled across the river before reinforcements arrived, a police officer said.

            © Regional Union of Lake States 2024 | Terms of use
            """);
        Assert.Equal(outlet, article.Outlet);

        var menuFirst = Parse($"""
            Home | World | Africa | Sahel
            Gunmen kill four guards at a border post in Vostari

            Gunmen attacked a border post in the town of Vostari on Monday, killing four guards, officials said.

            © Regional Union of Lake States 2024 | Terms of use
            """);
        Assert.Equal("Regional Union of Lake States", menuFirst.Outlet);
    }

    [Fact]
    public void Author_bio_masthead_and_labelled_date_are_chrome()
    {
        var article = Parse(TestData.Fixture("borno_church.txt"));
        Assert.Equal("Northern Ledger", article.Outlet);
        Assert.Equal(new DateOnly(2024, 4, 2), article.Published);
        Assert.Equal("MAIDUGURI", article.Dateline);
        Assert.Contains(article.Boilerplate, b => b.Text.StartsWith("Halima Bukar is a senior reporter", StringComparison.Ordinal));
        Assert.DoesNotContain(article.Paragraphs, p => p.Text.Contains("All rights reserved", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_that_is_only_page_chrome_is_an_error()
    {
        var result = ArticleParser.Parse("Share\n\nADVERTISEMENT\n\nXS\nSM\n");
        Assert.Null(result.Article);
        Assert.Contains("page chrome", result.Error!.Message);
    }

    [Fact]
    public void Crlf_text_keeps_offsets_into_the_raw_string()
    {
        var raw = "Militants storm a border post in the north\r\n\r\nGunmen attacked a border post on Monday, killing three guards, officials said.\r\n";
        var article = ArticleParser.Parse(raw).Article!;
        Assert.Equal("Militants storm a border post in the north", article.Title);
        var paragraph = Assert.Single(article.Paragraphs);
        Assert.Equal(paragraph.Text, raw[paragraph.Start..paragraph.End]);
        Assert.DoesNotContain('\r', paragraph.Text);
    }

    private static ParsedArticle Parse(string raw)
    {
        var result = ArticleParser.Parse(raw);
        Assert.Null(result.Error);
        return result.Article!;
    }
}
