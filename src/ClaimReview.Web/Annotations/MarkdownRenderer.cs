using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ClaimReview.Web.Annotations;

/// <summary>
/// Renders notes written in Markdown to HTML that is safe to put in a page: raw HTML is escaped, no extension
/// that adds attributes is enabled, images become plain links (nothing loads from elsewhere), and every link whose
/// scheme is not http, https or mailto (after the parser has decoded entities, and ignoring whitespace and control
/// characters) loses its address.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    public string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link:
                    link.IsImage = false;
                    if (!IsSafe(link.Url))
                    {
                        link.Url = "";
                    }
                    if (link.Reference is { } reference && !IsSafe(reference.Url))
                    {
                        reference.Url = "";
                    }
                    break;
                case AutolinkInline autolink when !IsSafe(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url):
                    autolink.Url = "";
                    break;
            }
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>True for relative addresses and for http, https and mailto; false for any other scheme in any spelling.</summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }
        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
        var cleaned = new string(url.Where(c => c > ' ' && !char.IsControl(c) && c != '\u00AD' && !char.IsWhiteSpace(c)).ToArray());
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }
        var boundary = cleaned.IndexOfAny(['/', '?', '#']);
        if (boundary >= 0 && boundary < colon)
        {
            return true; // the colon is in a path or query of a relative address
        }
        var scheme = cleaned[..colon];
        return AllowedSchemes.Any(s => s.Equals(scheme, StringComparison.OrdinalIgnoreCase));
    }
}
