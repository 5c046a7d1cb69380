using ClaimReview.Web.Annotations;

namespace ClaimReview.Web.Tests.Annotations;

public sealed class HighlightAnchorTests
{
    private const string Quote = "claimed responsibility for the attack";

    private static string At(string text, HighlightAnchor.Range? range) =>
        range is { } r ? text[r.Start..r.End] : "(gone)";

    [Fact]
    public void An_unchanged_text_keeps_the_highlight_where_it_was()
    {
        var text = $"The group {Quote} on Monday.";

        var range = HighlightAnchor.Find(text, Quote, 10);

        Assert.Equal(new HighlightAnchor.Range(10, 10 + Quote.Length), range);
    }

    [Theory]
    [InlineData("A new opening sentence was added by the editor. ")]
    [InlineData("")]
    [InlineData("x")]
    public void Text_added_or_removed_before_the_quote_moves_the_highlight_with_it(string prefix)
    {
        var old = $"Reports say that the group {Quote} on Monday.";
        var oldStart = old.IndexOf(Quote, StringComparison.Ordinal);
        var text = $"{prefix}Say the group {Quote} on Tuesday, officials said.";

        var range = HighlightAnchor.Find(text, Quote, oldStart);

        Assert.Equal(text.IndexOf(Quote, StringComparison.Ordinal), range!.Value.Start);
        Assert.Equal(Quote, At(text, range));
    }

    [Fact]
    public void A_paragraph_moved_to_another_place_takes_the_highlight_along()
    {
        var paragraph = $"Officials said the group {Quote}.";
        var old = $"Intro.\n\n{paragraph}\n\nMiddle.\n\nEnd.";
        var text = $"Intro.\n\nMiddle.\n\nEnd.\n\n{paragraph}";

        var range = HighlightAnchor.Find(text, Quote, old.IndexOf(Quote, StringComparison.Ordinal));

        Assert.Equal(text.IndexOf(Quote, StringComparison.Ordinal), range!.Value.Start);
    }

    [Fact]
    public void Of_a_duplicated_quote_the_occurrence_nearest_the_old_offset_wins()
    {
        var text = $"First, {Quote}. Much later in a long article: then {Quote} again, and at the end {Quote}.";
        var all = HighlightAnchor.Occurrences(text, Quote);
        Assert.Equal(3, all.Count);

        Assert.Equal(all[0], HighlightAnchor.Find(text, Quote, 0));
        Assert.Equal(all[1], HighlightAnchor.Find(text, Quote, all[1].Start + 3));
        Assert.Equal(all[1], HighlightAnchor.Find(text, Quote, all[1].Start - 3));
        Assert.Equal(all[2], HighlightAnchor.Find(text, Quote, text.Length + 500));
    }

    [Fact]
    public void A_tie_between_two_occurrences_goes_to_the_earlier_one()
    {
        Assert.Equal(new HighlightAnchor.Range(0, 3), HighlightAnchor.Find("abc---abc", "abc", 3));
    }

    [Fact]
    public void A_quote_that_is_gone_gives_null()
    {
        var text = "The group denied any involvement in the attack.";

        Assert.Null(HighlightAnchor.Find(text, Quote, 10));
        Assert.Empty(HighlightAnchor.Occurrences(text, Quote));
    }

    [Theory]
    [InlineData("claimed responsibility for the Attack")]
    [InlineData("claimed responsibility, for the attack")]
    [InlineData("claimed  responsibility for an attack!")]
    public void A_reworded_passage_is_a_different_passage(string newText)
    {
        Assert.Null(HighlightAnchor.Find(newText, Quote, 0));
    }

    [Theory]
    [InlineData("claimed responsibility\nfor the attack")]
    [InlineData("claimed responsibility\r\n  for the attack")]
    [InlineData("claimed\tresponsibility for  the\u00A0attack")]
    public void A_rewrapped_passage_still_anchors_by_its_whitespace_normalised_text(string rewrapped)
    {
        var text = $"On Monday the group {rewrapped}, a statement said.";

        var range = HighlightAnchor.Find(text, Quote, 20);

        Assert.Equal(rewrapped, At(text, range));
    }

    [Fact]
    public void A_quote_stored_with_a_line_break_anchors_in_text_that_was_unwrapped()
    {
        var text = $"On Monday the group {Quote}, a statement said.";

        var range = HighlightAnchor.Find(text, "  claimed responsibility\nfor the attack \n", 20);

        Assert.Equal(Quote, At(text, range));
    }

    [Fact]
    public void An_exact_match_is_preferred_to_a_nearer_whitespace_normalised_one()
    {
        var text = $"claimed responsibility\nfor the attack ... and later {Quote}";

        var range = HighlightAnchor.Find(text, Quote, 0);

        Assert.Equal(text.LastIndexOf(Quote, StringComparison.Ordinal), range!.Value.Start);
    }

    [Fact]
    public void Quotes_at_the_very_start_and_end_of_the_text_anchor()
    {
        var text = $"{Quote} and then {Quote}";

        Assert.Equal(new HighlightAnchor.Range(0, Quote.Length), HighlightAnchor.Find(text, Quote, 0));
        Assert.Equal(new HighlightAnchor.Range(text.Length - Quote.Length, text.Length), HighlightAnchor.Find(text, Quote, text.Length));
        Assert.Equal(new HighlightAnchor.Range(0, Quote.Length), HighlightAnchor.Find(Quote, Quote, 99));
    }

    [Theory]
    [InlineData("", "quote")]
    [InlineData("some text", "")]
    [InlineData("some text", "   \n ")]
    [InlineData("", "")]
    [InlineData("short", "a much longer quote than the text")]
    public void Empty_text_or_an_empty_quote_anchors_nowhere(string text, string quote)
    {
        Assert.Null(HighlightAnchor.Find(text, quote, 0));
    }

    [Fact]
    public void A_huge_text_with_the_quote_far_from_its_old_place_anchors()
    {
        var filler = string.Concat(Enumerable.Repeat("Nothing of interest happened in this sentence. ", 40_000));
        var text = filler + Quote + filler;

        var range = HighlightAnchor.Find(text, Quote, 5);

        Assert.Equal(filler.Length, range!.Value.Start);
        Assert.Null(HighlightAnchor.Find(filler + filler, Quote, 5));
    }

    [Fact]
    public void A_huge_text_full_of_a_short_quote_picks_the_nearest()
    {
        var text = new string('a', 1_000_000);

        Assert.Equal(new HighlightAnchor.Range(500_000, 500_002), HighlightAnchor.Find(text, "aa", 500_000));
    }

    [Fact]
    public void An_old_offset_beyond_the_new_text_is_harmless()
    {
        Assert.Equal(new HighlightAnchor.Range(4, 7), HighlightAnchor.Find("The end", "end", int.MaxValue));
        Assert.Equal(new HighlightAnchor.Range(4, 7), HighlightAnchor.Find("The end", "end", -5));
    }
}
