using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ClaimReview.Testing;
using ClaimReview.Web.Exporting;
using ClaimReview.Web.Filtering;
using ClaimReview.Web.Tests.Pages;

namespace ClaimReview.Web.Tests.Exporting;

/// <summary>Downloads from the list pages: the page's filters apply, CSV opens as rows, JSON-LD has the shapes the standards ask for.</summary>
public sealed class ExportPageTests(ExportSite site) : IClassFixture<ExportSite>
{
    [Fact]
    public async Task The_claims_list_offers_downloads_that_carry_its_filters_and_the_csv_holds_only_the_filtered_claims()
    {
        var page = await site.Client.GetPageAsync("/claims?kind=territorial&sort=summary&page=1");
        var link = page.QuerySelectorAll("p.exports a").Single(a => a.TextContent.Contains("Claims (CSV)", StringComparison.Ordinal));
        Assert.Equal("/export/claims.csv?kind=territorial", link.GetAttribute("href"));

        var filtered = Csv.Records(await site.DownloadAsync(link.GetAttribute("href")!));
        var all = Csv.Parse(await site.DownloadAsync("/export/claims.csv"));

        Assert.Equal(CsvExporter.Headers[RecordKind.Claims], all[0]);
        Assert.NotEmpty(filtered);
        Assert.All(filtered, r => Assert.Equal("territorial", r["kind"]));
        Assert.True(all.Count - 1 > filtered.Count, "the unfiltered CSV should hold more claims than the territorial ones");
    }

    [Fact]
    public async Task A_cell_that_would_run_as_a_spreadsheet_formula_is_neutralised_and_quotes_survive_the_round_trip()
    {
        var rows = Csv.Records(await site.DownloadAsync("/export/claims.csv"));

        var formula = Assert.Single(rows, r => r["id"] == site.FormulaClaimId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("'" + ExportSite.FormulaSummary, formula["summary"]);
        var judged = Assert.Single(rows, r => r["id"] == site.JudgedClaimId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("refuted", judged["status"]);
        Assert.Equal(ExportSite.Rationale, judged["verdict_rationale"]);
        Assert.DoesNotContain(rows.SelectMany(r => r.Values), v => v.Length > 0 && v[0] is '=' or '+' or '-' or '@');
    }

    [Theory]
    [InlineData("articles", "/articles?outlet=", "outlet")]
    [InlineData("events", "/events?kind=armed_clash", "kind")]
    [InlineData("actors", "/actors?kind=armed_group", "kind")]
    public async Task Each_list_exports_its_own_records_with_its_filter(string records, string list, string column)
    {
        var query = list[(list.IndexOf('?', StringComparison.Ordinal) + 1)..];
        if (records == "articles")
        {
            var outlets = Csv.Records(await site.DownloadAsync("/export/articles.csv")).Select(r => r["outlet"]).Where(o => o.Length > 0).ToList();
            query = "outlet=" + Uri.EscapeDataString(outlets[0]);
        }
        var expected = query[(query.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var page = await site.Client.GetPageAsync($"/{records}?{query}");
        var href = page.QuerySelectorAll("p.exports a").First().GetAttribute("href")!;
        Assert.StartsWith($"/export/{records}.csv?", href, StringComparison.Ordinal);

        var rows = Csv.Records(await site.DownloadAsync(href));

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(Uri.UnescapeDataString(expected), r[column]));
        Assert.Equal(page.QuerySelectorAll("main table tbody tr").Length, Math.Min(rows.Count, Web.Pages.Shared.Paging.DefaultPageSize));
    }

    [Fact]
    public async Task A_claims_list_filtered_by_words_and_a_claimant_typed_as_an_alias_exports_exactly_the_claims_it_lists()
    {
        var page = await site.Client.GetPageAsync("/claims?q=province&claimant=ISIS");
        var href = page.QuerySelectorAll("p.exports a").Single(a => a.TextContent.Contains("Claims (CSV)", StringComparison.Ordinal)).GetAttribute("href")!;
        var listed = page.QuerySelectorAll("main table tbody tr").Length;

        var rows = Csv.Records(await site.DownloadAsync(href));

        Assert.InRange(listed, 1, Web.Pages.Shared.Paging.DefaultPageSize - 1);
        Assert.Equal(listed, rows.Count);
        Assert.All(rows, r => Assert.Equal("Islamic State", r["claimant"]));
        Assert.All(rows, r => Assert.Contains("province", r["summary"], StringComparison.OrdinalIgnoreCase));
        Assert.True(Csv.Records(await site.DownloadAsync("/export/claims.csv?claimant=ISIS")).Count > rows.Count, "the words narrow the export too");
    }

    [Fact]
    public async Task An_events_list_filtered_by_a_participant_typed_by_name_exports_exactly_the_events_it_lists()
    {
        var page = await site.Client.GetPageAsync("/events?actor=Islamic%20State");
        var href = page.QuerySelectorAll("p.exports a").First().GetAttribute("href")!;
        var listed = page.QuerySelectorAll("main table tbody tr").Length;

        var rows = Csv.Records(await site.DownloadAsync(href));
        var all = Csv.Records(await site.DownloadAsync("/export/events.csv"));

        Assert.InRange(listed, 1, Web.Pages.Shared.Paging.DefaultPageSize - 1);
        Assert.Equal(listed, rows.Count);
        Assert.True(all.Count > rows.Count, "the participant filter narrows the export");
        Assert.Empty(Csv.Records(await site.DownloadAsync("/export/events.csv?actor=Nobody%20We%20Know")));
    }

    [Fact]
    public async Task Reports_and_discrepancies_export_as_rows_with_their_quotes()
    {
        var reports = Csv.Records(await site.DownloadAsync("/export/reports.csv?kind=territorial"));
        var discrepancies = Csv.Records(await site.DownloadAsync("/export/discrepancies.csv"));

        Assert.True(reports.Count >= 5);
        Assert.All(reports, r => Assert.False(string.IsNullOrEmpty(r["quote"])));
        Assert.Contains(discrepancies, d => d["value"].Contains("Sopore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exports_need_a_signed_in_reader_and_unknown_formats_are_not_found()
    {
        using var anonymous = site.App.CreateHttpClient();
        var response = await anonymous.GetAsync("/export/claims.csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.ToString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/export/claims.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/export/all.csv")).StatusCode);
    }

    [Fact]
    public async Task Claimreview_json_ld_describes_the_judged_claim_and_the_claim_page_embeds_it_safely()
    {
        using var export = JsonDocument.Parse(await site.DownloadAsync("/export/claims.claimreview"));
        var review = Assert.Single(export.RootElement.GetProperty("@graph").EnumerateArray());
        Assert.Equal("https://schema.org", export.RootElement.GetProperty("@context").GetString());
        AssertClaimReview(review);

        var response = await site.Client.GetAsync($"/claims/{site.JudgedClaimId}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("</script><script>alert(1)", html, StringComparison.Ordinal);
        var block = new HtmlParser().ParseDocument(html).QuerySelector("script[type='application/ld+json']");
        Assert.NotNull(block);
        using var embedded = JsonDocument.Parse(block!.TextContent);
        Assert.Equal("https://schema.org", embedded.RootElement.GetProperty("@context").GetString());
        AssertClaimReview(embedded.RootElement);
        // The CSP still forbids inline script: the data block needs no exception.
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single().Split("style-src")[0], StringComparison.Ordinal);

        var unjudged = await site.Client.GetPageAsync($"/claims/{site.FormulaClaimId}");
        Assert.Null(unjudged.QuerySelector("script[type='application/ld+json']"));
    }

    private void AssertClaimReview(JsonElement review)
    {
        Assert.Equal("ClaimReview", review.GetProperty("@type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(review.GetProperty("claimReviewed").GetString()));
        Assert.Equal("2026-11-21", review.GetProperty("datePublished").GetString());
        Assert.EndsWith($"/claims/{site.JudgedClaimId}", review.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("Organization", review.GetProperty("author").GetProperty("@type").GetString());
        var rating = review.GetProperty("reviewRating");
        Assert.Equal(1, rating.GetProperty("ratingValue").GetInt32());
        Assert.Equal("refuted", rating.GetProperty("alternateName").GetString());
        Assert.Equal(ExportSite.Rationale, rating.GetProperty("ratingExplanation").GetString());
        var item = review.GetProperty("itemReviewed");
        Assert.Equal("Claim", item.GetProperty("@type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("author").GetProperty("name").GetString()));
        Assert.True(item.GetProperty("appearance").GetArrayLength() >= 1);
        Assert.All(item.GetProperty("appearance").EnumerateArray(), a => Assert.Equal("NewsArticle", a.GetProperty("@type").GetString()));
    }

    [Fact]
    public async Task Web_annotation_export_holds_the_highlight_with_quote_and_position_selectors_and_the_note()
    {
        using var export = JsonDocument.Parse(await site.DownloadAsync("/export/all.annotations"));
        var root = export.RootElement;
        Assert.Equal("http://www.w3.org/ns/anno.jsonld", root.GetProperty("@context").GetString());
        Assert.Equal("AnnotationCollection", root.GetProperty("type").GetString());
        var items = root.GetProperty("first").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(root.GetProperty("total").GetInt32(), items.Count);

        var highlight = Assert.Single(items, i => i.GetProperty("motivation").GetString() == "highlighting");
        Assert.EndsWith($"/articles/{site.HighlightArticleId}", highlight.GetProperty("target").GetProperty("source").GetString(), StringComparison.Ordinal);
        var selectors = highlight.GetProperty("target").GetProperty("selector").EnumerateArray().ToList();
        var quote = Assert.Single(selectors, s => s.GetProperty("type").GetString() == "TextQuoteSelector");
        Assert.Equal(ExportSite.HighlightQuote, quote.GetProperty("exact").GetString());
        Assert.False(string.IsNullOrEmpty(quote.GetProperty("prefix").GetString()));
        var position = Assert.Single(selectors, s => s.GetProperty("type").GetString() == "TextPositionSelector");
        Assert.Equal(ExportSite.HighlightQuote.Length, position.GetProperty("end").GetInt32() - position.GetProperty("start").GetInt32());
        Assert.Equal("TextualBody", highlight.GetProperty("body").GetProperty("type").GetString());

        var note = Assert.Single(items, i => i.GetProperty("motivation").GetString() == "commenting");
        Assert.Equal(ExportSite.NoteBody, note.GetProperty("body").GetProperty("value").GetString());
        Assert.Equal("text/markdown", note.GetProperty("body").GetProperty("format").GetString());
        Assert.EndsWith($"/claims/{site.JudgedClaimId}", note.GetProperty("target").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_export_adds_notes_highlights_tags_and_on_request_the_history_within_the_published_schema()
    {
        using var plain = JsonDocument.Parse(await site.DownloadAsync("/export/all.json"));
        using var withHistory = JsonDocument.Parse(await site.DownloadAsync("/export/all.json?history=true"));
        using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "export.schema.json")));

        Assert.Empty(new SchemaChecker(schema.RootElement).Check(plain.RootElement));
        Assert.Empty(new SchemaChecker(schema.RootElement).Check(withHistory.RootElement));
        Assert.False(plain.RootElement.TryGetProperty("history", out _));
        var note = Assert.Single(plain.RootElement.GetProperty("notes").EnumerateArray());
        Assert.Equal(ExportSite.NoteBody, note.GetProperty("body").GetString());
        var highlight = Assert.Single(plain.RootElement.GetProperty("highlights").EnumerateArray());
        Assert.Equal(site.HighlightStart, highlight.GetProperty("start").GetInt32());
        Assert.Equal(5, plain.RootElement.GetProperty("articles").GetArrayLength());
        var history = withHistory.RootElement.GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("entityType").GetString() == "claim" && h.GetProperty("field").GetString() == "summary"
            && h.GetProperty("newValue").GetString() == ExportSite.FormulaSummary);
        Assert.DoesNotContain(history, h => h.GetProperty("entityType").GetString() is "user" or "import");

        using var claimsOnly = JsonDocument.Parse(await site.DownloadAsync("/export/claims.json?status=refuted"));
        Assert.Single(claimsOnly.RootElement.GetProperty("claims").EnumerateArray());
        Assert.Equal(0, claimsOnly.RootElement.GetProperty("articles").GetArrayLength());
        Assert.Single(claimsOnly.RootElement.GetProperty("notes").EnumerateArray());
    }

    [Fact]
    public void Csv_cells_are_quoted_and_neutralised_as_rfc_4180_and_owasp_ask()
    {
        Assert.Equal("plain", CsvWriter.Escape("plain"));
        Assert.Equal("\"a, b\"", CsvWriter.Escape("a, b"));
        Assert.Equal("\"say \"\"hi\"\"\"", CsvWriter.Escape("say \"hi\""));
        Assert.Equal("\"two\r\nlines\"", CsvWriter.Escape("two\r\nlines"));
        foreach (var start in new[] { "=", "+", "-", "@", "\t", "\r" })
        {
            Assert.StartsWith("'" + start, CsvWriter.Escape(start + "1+1").TrimStart('"'), StringComparison.Ordinal);
        }
        Assert.Equal(Encoding.UTF8.GetBytes("x"), Encoding.UTF8.GetBytes(CsvWriter.Escape("x")));
    }
}
