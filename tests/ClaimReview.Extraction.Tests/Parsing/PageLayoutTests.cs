using ClaimReview.Extraction.Parsing;

namespace ClaimReview.Extraction.Tests.Parsing;

/// <summary>Invented pages, one per layout rule: where the title, the date, the outlet and the chrome are.</summary>
public class PageLayoutTests
{
    private const string Body =
        "Gunmen attacked a fishing camp on the lake shore late on Tuesday, killing four people, the district commissioner said.\n\n" +
        "Residents said the attackers arrived in two boats and set fire to nets and drying racks before leaving.\n\n" +
        "No group has said it carried out the attack, which follows a string of raids along the shore this year.\n";

    [Fact]
    public void A_clock_above_the_headline_is_the_page_render_time_not_the_publication_date()
    {
        var article = Parse("08:02 · Sat, 9 Mar 2024\n☰ Menu\nTHE LAKESIDE OBSERVER\n\nGunmen kill four at fishing camp on the lake shore\nUpdated 2 days ago\n3 min read\n\n" + Body);
        Assert.Equal("Gunmen kill four at fishing camp on the lake shore", article.Title);
        Assert.Null(article.Published);
        Assert.Equal("The Lakeside Observer", article.Outlet);
        Assert.Contains(article.Boilerplate, b => b.Text == "08:02 · Sat, 9 Mar 2024");
    }

    [Fact]
    public void A_published_line_wins_over_a_render_clock_and_an_update()
    {
        var article = Parse("Mon 3 Feb 2031, 09:12 AM\nLakeside Observer\n\nGunmen kill four at fishing camp on the lake shore\nBy Jane Roe\nUpdated: 7 March 2024, 10:00 EAT\nPublished: 6 March 2024, 21:40 EAT\n\n" + Body);
        Assert.Equal(new DateOnly(2024, 3, 6), article.Published);
        Assert.Equal("Jane Roe", article.Byline);
    }

    [Fact]
    public void A_date_and_time_under_the_headline_is_the_publication_date()
    {
        var article = Parse("Gunmen kill four at fishing camp on the lake shore\nMarch 6, 2024 4:10 PM EAT\n\n" + Body);
        Assert.Equal(new DateOnly(2024, 3, 6), article.Published);
    }

    [Fact]
    public void The_last_update_is_the_date_when_nothing_else_is_given()
    {
        var article = Parse("Gunmen kill four at fishing camp on the lake shore – live\nLast updated 6 March 2024, 19:05 EAT\n\n" + Body);
        Assert.Equal(new DateOnly(2024, 3, 6), article.Published);
    }

    [Fact]
    public void A_byline_with_a_date_gives_the_publication_date()
    {
        var article = Parse("Gunmen kill four at fishing camp on the lake shore\nBy Jane Roe | 6 March 2024\n\n" + Body);
        Assert.Equal(new DateOnly(2024, 3, 6), article.Published);
    }

    [Fact]
    public void A_wire_dateline_gives_the_day_and_the_page_gives_the_year()
    {
        var article = Parse("Gunmen kill four at fishing camp on lake shore\n\nKISUMU, Kenya, Mar 6 (Lakeside Wire) — " + Body + "\n© 2024 Lakeside Wire. All rights reserved.\n");
        Assert.Equal(new DateOnly(2024, 3, 6), article.Published);
        Assert.Equal("KISUMU", article.Dateline);
        Assert.Equal("Lakeside Wire", article.Outlet);
    }

    [Fact]
    public void A_wire_credit_on_another_outlets_page_is_a_credit_not_the_outlet()
    {
        var article = Parse("The Highland Gazette\nWorld | Africa | Opinion\n\nGunmen kill four at fishing camp on lake shore\n12 March 2024\n\nKISUMU, Mar 12 (Lakeside Wire) - " + Body + "\n© 2024 The Highland Gazette\n");
        Assert.Equal("The Highland Gazette", article.Outlet);
    }

    [Theory]
    [InlineData("© 2024 Lakeside Observer Ltd. All rights reserved.", "Lakeside Observer Ltd")]
    [InlineData("Copyright 2024 Channel 9 News. All Rights Reserved.", "Channel 9 News")]
    [InlineData("Lakeside Observer © 2024 | About | Privacy", "Lakeside Observer")]
    [InlineData("© 2024 LWS – Lakeside Wire Service. All rights reserved.", "Lakeside Wire Service")]
    public void The_copyright_footer_names_the_outlet(string footer, string outlet)
    {
        Assert.Equal(outlet, Parse("Gunmen kill four at fishing camp on the lake shore\n\n" + Body + "\n" + footer + "\n").Outlet);
    }

    [Fact]
    public void A_standards_footer_names_the_outlet_and_stays_out_of_the_body()
    {
        var article = Parse("Gunmen kill four at fishing camp on the lake shore\n\n" + Body + "\nLakeside Wire editorial standards apply to this story. Tell us about a mistake.\n");
        Assert.Equal("Lakeside Wire", article.Outlet);
        Assert.DoesNotContain(article.Paragraphs, p => p.Text.Contains("editorial standards", StringComparison.Ordinal));
    }

    [Fact]
    public void A_letterhead_naming_the_state_is_not_the_outlet()
    {
        var article = Parse("REPUBLIC OF ELDORIA\nNATIONAL POLICE SERVICE\nPRESS RELEASE\n\nPolice arrest six suspects after the lake shore attack\n\n" + Body);
        Assert.Equal("National Police Service", article.Outlet);
    }

    [Fact]
    public void A_site_tagline_and_a_menu_above_the_headline_are_not_the_title()
    {
        var article = Parse(
            "Skip to main content\nTHE RIVERTON HERALD\nRiverton's trusted voice since 1921\nHome | Politics | Business | Sport | Culture | Opinion | Weather | Video | Contact\n" +
            "BREAKING NEWS\nCouncil approves new bridge budget after long debate\nWe use cookies to improve your experience. By continuing you accept our use of cookies.\n\n" +
            "Gunmen kill four at fishing camp on the lake shore\nBy Jane Roe\n12 March 2024\n\n" + Body);
        Assert.Equal("Gunmen kill four at fishing camp on the lake shore", article.Title);
        Assert.Equal(new DateOnly(2024, 3, 12), article.Published);
        Assert.Equal(3, article.Paragraphs.Count);
    }

    [Fact]
    public void A_newsletter_tagline_followed_by_its_date_is_not_the_title()
    {
        var article = Parse(
            "View this email in your browser\nTHE SHORE BRIEF\nThe lake region, every weekday — from the Riverton Herald\nTuesday, 12 March 2024\nWritten by Jane Roe\n\n" +
            "Four dead at a fishing camp, and nobody says who did it\n\n" + Body);
        Assert.Equal("Four dead at a fishing camp, and nobody says who did it", article.Title);
    }

    [Fact]
    public void A_long_standfirst_under_the_headline_stays_in_the_body()
    {
        const string standfirst = "Attacks on fishing camps have doubled this year and the district has no boats of its own to patrol the shore, leaving residents to guard their nets themselves";
        var article = Parse("Gunmen kill four at fishing camp on the lake shore\n" + standfirst + "\nBy Jane Roe\n12 March 2024\n\n" + Body);
        Assert.Equal("Gunmen kill four at fishing camp on the lake shore", article.Title);
        Assert.Equal(standfirst, article.Paragraphs[0].Text);
    }

    [Fact]
    public void A_text_without_a_headline_is_untitled_not_refused()
    {
        var result = ArticleParser.Parse(Body);
        Assert.Null(result.Error);
        Assert.Equal(string.Empty, result.Article!.Title);
        Assert.Equal(3, result.Article.Paragraphs.Count);
    }

    [Fact]
    public void A_wire_text_starting_with_its_credit_line_is_untitled()
    {
        var result = ArticleParser.Parse("By Jane Roe, Lakeside Wire\n\nKISUMU (Lakeside Wire) - " + Body);
        Assert.Equal(string.Empty, result.Article!.Title);
        Assert.Equal("KISUMU", result.Article.Dateline);
        Assert.Equal(3, result.Article.Paragraphs.Count);
    }

    [Fact]
    public void Live_blog_times_and_entry_headings_are_chrome_and_entries_are_body()
    {
        var article = Parse(
            "Lake shore attack: four killed at fishing camp – live updates\n12 March 2024\n\n" +
            "18:40 EAT\nPolice say two arrested\nPolice said on Tuesday evening that two men had been arrested near the camp and were being questioned.\n\n" +
            "16:05 EAT\nWhat we know so far\nFour people were killed when gunmen attacked the camp before dawn, officials said.\n\n" +
            "Fishermen said they would not go out on the lake again until patrols resumed.\n");
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.Contains(article.Boilerplate, b => b.Text == "18:40 EAT");
        Assert.Contains(article.Boilerplate, b => b.Text == "Police say two arrested");
        Assert.Contains(article.Boilerplate, b => b.Text == "What we know so far");
    }

    [Fact]
    public void Question_and_numbered_crossheads_are_chrome()
    {
        var article = Parse(
            "Why the lake shore raids keep coming back\n12 March 2024\n\n" +
            "The raids on fishing camps started three years ago and have never really stopped, officials say.\n\n" +
            "Who is behind the lake shore raids?\nNobody has said they carried them out, and the police name no suspects.\n\n" +
            "2. What the district says\nThe district commissioner said patrols would resume once new boats arrived next month.\n");
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.Contains(article.Boilerplate, b => b.Text == "Who is behind the lake shore raids?");
        Assert.Contains(article.Boilerplate, b => b.Text == "2. What the district says");
    }

    [Fact]
    public void Page_chrome_around_and_inside_the_body_stays_out_of_it()
    {
        var article = Parse(
            "Gunmen kill four at fishing camp on the lake shore\nBy Jane Roe\n12 March 2024\n\n" +
            "[Image] Burnt nets on the shore on Wednesday. Photo: Jane Roe\n\n" +
            "(Unofficial translation. The Swahili original is authoritative.)\n\n" + Body +
            "\nHeavy smoke over the camp tonight, stay away from the shore pic.twitter.com/abc123\n— Lake Watch (@lakewatch) March 12, 2024\n\n" +
            "Get the Lake Brief in your inbox every morning. Sign up\n\n" +
            "Support independent journalism: make a donation today and keep our reporters on the shore.\n\n" +
            "Jane Roe covers the lake region for the paper. She is based in Kisumu.\n\n" +
            "MOST READ\n1. Bridge budget approved after long debate\n2. Ferry fares to rise in April, operators say\n\n" +
            "© 2024 The Riverton Herald\n");
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.All(article.Paragraphs, p => Assert.DoesNotContain("pic.twitter", p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Press_release_letterhead_reference_and_signature_are_chrome()
    {
        var article = Parse(
            "REPUBLIC OF ELDORIA\nNATIONAL POLICE SERVICE\nOffice of the Spokesperson\nRef. No 118/NPS/PR/2024\nKisumu, 12 March 2024\nFOR IMMEDIATE RELEASE\n\n" +
            "Police arrest six suspects after the lake shore attack\n\n" + Body +
            "\nThe Spokesperson of the National Police Service\nInspector Jane Roe\n– END –\n");
        Assert.Equal("Police arrest six suspects after the lake shore attack", article.Title);
        Assert.Equal(new DateOnly(2024, 3, 12), article.Published);
        Assert.Equal(3, article.Paragraphs.Count);
    }

    private static ParsedArticle Parse(string raw)
    {
        var result = ArticleParser.Parse(raw);
        Assert.Null(result.Error);
        return result.Article!;
    }
}
