using ClaimReview.Extraction.Parsing;

namespace ClaimReview.Extraction.Tests.Parsing;

/// <summary>General guarantees over the shared development corpus (read from ../shared/corpus, never copied).</summary>
public class CorpusParsingTests
{
    [Fact]
    public void No_corpus_article_is_refused_and_every_part_points_into_its_text()
    {
        var files = Directory.GetFiles(Path.Combine(TestData.CorpusFolder(), "articles"), "*.txt");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var raw = File.ReadAllText(file).TrimStart('\uFEFF');
            var result = ArticleParser.Parse(raw);
            Assert.True(result.Error is null, $"{Path.GetFileName(file)}: {result.Error?.Message}");
            var article = result.Article!;
            Assert.NotEmpty(article.Paragraphs);
            Assert.All(article.Paragraphs.Concat(article.Boilerplate), s => Assert.Equal(s.Text, raw[s.Start..s.End]));
            Assert.True(article.Title.Length == 0 || raw.AsSpan(article.TitleStart).StartsWith(article.Title, StringComparison.Ordinal));
        }
    }
}
