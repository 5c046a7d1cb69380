using ClaimReview.Web.Search;

namespace ClaimReview.Web.Tests.Search;

public sealed class SnippetTests
{
    private static string Html(string snippet) => Snippet.ToHtml(snippet).ToString()!;

    [Fact]
    public void Markers_become_mark_tags_and_the_text_is_encoded()
    {
        var html = Html($"The {Snippet.Open}Daesh{Snippet.Close} <script>x</script> & co");

        Assert.Equal("The <mark>Daesh</mark> &lt;script&gt;x&lt;/script&gt; &amp; co", html);
    }

    [Fact]
    public void Unbalanced_markers_still_give_balanced_html()
    {
        Assert.Equal("<mark>a</mark>", Html($"{Snippet.Open}a"));
        Assert.Equal("a", Html($"a{Snippet.Close}"));
        Assert.Equal("<mark>ab</mark>", Html($"{Snippet.Open}a{Snippet.Open}b"));
    }
}
