using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace ClaimReview.Web.Search;

/// <summary>
/// Turns an FTS5 snippet() whose matches are wrapped in private-use marker characters into HTML: every piece of
/// text is HTML-encoded on its own and only the markers become &lt;mark&gt; tags, so extracted text can never
/// inject markup.
/// </summary>
public static class Snippet
{
    public const char Open = '\uE000';
    public const char Close = '\uE001';
    public const string Ellipsis = "…";

    public static IHtmlContent ToHtml(string? snippet)
    {
        if (string.IsNullOrEmpty(snippet))
        {
            return HtmlString.Empty;
        }
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder(snippet.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= snippet.Length; i++)
        {
            if (i < snippet.Length && snippet[i] != Open && snippet[i] != Close)
            {
                continue;
            }
            html.Append(encoder.Encode(snippet[start..i]));
            if (i < snippet.Length)
            {
                if (snippet[i] == Open && !open)
                {
                    html.Append("<mark>");
                    open = true;
                }
                else if (snippet[i] == Close && open)
                {
                    html.Append("</mark>");
                    open = false;
                }
            }
            start = i + 1;
        }
        if (open)
        {
            html.Append("</mark>");
        }
        return new HtmlString(html.ToString());
    }
}
