using System.Net;
using Ganss.Xss;
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
/// <para>Rendering never fails a page: a text longer than <see cref="MaxSourceLength"/>, nested deeper than
/// <see cref="MaxDepth"/>, or that the parser refuses is shown as its escaped source with a note. Behind Markdig,
/// HtmlSanitizer is a second wall: whatever the Markdown pass lets through, only plain markup and http, https and
/// mailto addresses reach the page.</para>
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>Longer texts are shown as written (notes hold at most 10,000 characters, rationales 4,000).</summary>
    public const int MaxSourceLength = 20_000;

    /// <summary>Deeper nesting (quotes in quotes, lists in lists, emphasis in links) is shown as written.</summary>
    public const int MaxDepth = 32;

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    public string ToHtml(string markdown)
    {
        if (markdown.Length > MaxSourceLength)
        {
            return AsWritten(markdown, "This text is too long to format; it is shown as written.");
        }
        string? html;
        try
        {
            html = Render(markdown);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or InsufficientExecutionStackException)
        {
            html = null;
        }
        return html is null
            ? AsWritten(markdown, "This text is nested too deeply to format; it is shown as written.")
            : _sanitizer.Sanitize(html);
    }

    /// <summary>The escaped source in a preformatted block, after a short note saying why.</summary>
    private static string AsWritten(string markdown, string why) =>
        $"<p class=\"muted small\">{WebUtility.HtmlEncode(why)}</p><pre class=\"note-source\">{WebUtility.HtmlEncode(markdown)}</pre>";

    private string? Render(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        if (Depth(document) > MaxDepth)
        {
            return null;
        }
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

    /// <summary>How deep the parsed document nests blocks and inlines, walked without recursion.</summary>
    private static int Depth(MarkdownDocument document)
    {
        var deepest = 0;
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            if (deepest > MaxDepth)
            {
                return deepest;
            }
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push((child, depth + 1));
                    }
                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1));
                    break;
                case ContainerInline inlines:
                    foreach (var child in inlines)
                    {
                        pending.Push((child, depth + 1));
                    }
                    break;
            }
        }
        return deepest;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["p", "br", "hr", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote",
                "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "input"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title", "class", "start", "type", "checked", "disabled", "align"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        });
        return sanitizer;
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
