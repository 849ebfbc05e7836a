using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Depesche.Ingest;

/// <summary>Plain text from HTML: block elements become paragraphs joined by a blank line; markup never survives.</summary>
internal static partial class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "button", "select", "input", "textarea", "object", "canvas",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "br", "hr",
        "address", "form", "fieldset",
    };

    /// <summary>The text of an HTML fragment (an RSS description, Atom content). A new parser per call: AngleSharp's is not thread-safe.</summary>
    public static string FromFragment(string html)
    {
        if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0) return Paragraphs(html);
        var doc = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return doc.Body is null ? "" : FromNode(doc.Body);
    }

    /// <summary>The text under <paramref name="root"/>, one paragraph per block element.</summary>
    public static string FromNode(INode root)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Walk(root, current, paragraphs);
        Flush(current, paragraphs);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>Collapses whitespace inside lines, keeps blank-line paragraph breaks (plain text given where HTML was allowed).</summary>
    public static string Paragraphs(string text)
    {
        var parts = BlankLineRegex().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return string.Join("\n\n", parts.Select(p => Collapse(p)).Where(p => p.Length > 0));
    }

    public static string Collapse(string s) => WhitespaceRegex().Replace(s, " ").Trim();

    private static void Walk(INode node, StringBuilder current, List<string> paragraphs)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    current.Append(t.Data);
                    break;
                case IElement e when Skipped.Contains(e.LocalName):
                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    Flush(current, paragraphs);
                    Walk(e, current, paragraphs);
                    Flush(current, paragraphs);
                    break;
                case IElement e:
                    Walk(e, current, paragraphs);
                    break;
            }
        }
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        if (current.Length == 0) return;
        var text = Collapse(current.ToString());
        current.Clear();
        if (text.Length > 0) paragraphs.Add(text);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLineRegex();
}
