using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction.Tests.Recognition;

public class VocabularyTests
{
    [Fact]
    public void Every_word_list_file_is_read_exactly_once_by_the_rules()
    {
        // Building an extractor runs every rule class's static set-up, which reads the lists it uses.
        _ = new ArticleExtractor(DefaultLexicon.Load());

        var embedded = Vocabulary.Embedded.Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(embedded);
        Assert.Equal(embedded, Vocabulary.Loaded.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.All(Vocabulary.Loaded, kv => Assert.True(kv.Value == 1, $"list '{kv.Key}' is read {kv.Value} times: two copies of one list"));
    }

    [Fact]
    public void Comments_and_blank_lines_are_not_words()
    {
        var words = Vocabulary.Parse(new StringReader("# a comment\n\n  said \n#1 hit\nsaid it\n"));
        Assert.Equal(["said", "said it"], words);
    }
}
