using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Depesche.Core;

namespace Depesche.Ingest;

/// <summary>
/// An HTML article page: the main text from <c>&lt;article&gt;</c> or the densest block of <c>&lt;p&gt;</c>s after dropping
/// boilerplate; title, date, author, URL and outlet from meta tags and JSON-LD. The article's <see cref="Article.Text"/>
/// is the extracted plain text (paragraphs joined by blank lines), which is the "original" all ranges point into.
/// </summary>
internal static class HtmlArticleReader
{
    private const string Boilerplate =
        "script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, button, select, input, textarea, " +
        "dialog, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [aria-hidden=true], [hidden]";

    private static readonly string[] ArticleTypes = ["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle", "LiveBlogPosting"];

    public static ReadResult Read(string html, SourceLocation at)
    {
        var doc = new HtmlParser().ParseDocument(html);

        // 1. Metadata, before boilerplate removal (JSON-LD lives in <script>, dates in <header>).
        var ld = FindJsonLd(doc);
        var title = Meta(doc, "property", "og:title") ?? Meta(doc, "name", "twitter:title") ?? ld.Headline
                    ?? NullIfBlank(doc.Title) ?? NullIfBlank(doc.QuerySelector("h1")?.TextContent);
        var dateText = Meta(doc, "property", "article:published_time") ?? ld.DatePublished
                       ?? Meta(doc, "name", "date") ?? Meta(doc, "name", "pubdate") ?? Meta(doc, "name", "publishdate")
                       ?? Meta(doc, "name", "DC.date.issued") ?? Meta(doc, "name", "dcterms.date") ?? Meta(doc, "itemprop", "datePublished")
                       ?? doc.QuerySelector("article time[datetime], time[datetime]")?.GetAttribute("datetime");
        var author = Meta(doc, "name", "author") ?? ld.Author ?? Meta(doc, "property", "article:author");
        var url = doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(doc, "property", "og:url") ?? ld.Url;
        var outlet = Meta(doc, "property", "og:site_name") ?? ld.Publisher;

        // 2. Drop boilerplate: chrome, scripts, forms, cookie banners and share boxes.
        foreach (var e in doc.QuerySelectorAll(Boilerplate).ToList()) e.Remove();
        foreach (var e in doc.All.Where(IsBoilerplateByName).ToList()) e.Remove();

        // 3. The main block: the <article> with most paragraph text, else the parent holding most <p> text.
        var container = doc.QuerySelectorAll("article").OrderByDescending(ParagraphTextLength).FirstOrDefault(a => ParagraphTextLength(a) > 0)
                        ?? DensestBlock(doc);
        var paragraphs = new List<string>();
        if (container is not null)
        {
            foreach (var e in container.QuerySelectorAll("p, h2, h3, h4, h5, h6, blockquote, pre, li"))
            {
                // Why: a <p> inside a <blockquote> or <li> is taken with its parent, once.
                if (e.ParentElement?.Closest("p, h2, h3, h4, h5, h6, blockquote, pre, li") is { } outer && container.Contains(outer)) continue;
                if (e.LocalName == "li" && container.LocalName != "article") continue;
                var text = HtmlText.Collapse(e.TextContent);
                if (text.Length > 0) paragraphs.Add(text);
            }
        }
        if (paragraphs.Count == 0 && !string.IsNullOrWhiteSpace(ld.ArticleBody)) paragraphs.Add(HtmlText.Paragraphs(ld.ArticleBody));
        if (paragraphs.Count == 0 && doc.Body is not null && HtmlText.FromNode(doc.Body) is { Length: > 0 } all) paragraphs.Add(all);
        if (paragraphs.Count == 0) return ReadResult.Fail(RejectionCode.NoText, "the page has no article text", at);

        var plain = string.Join("\n\n", paragraphs);
        if (plain.Length > Limits.MaxTextChars) return ReadResult.Fail(Limits.TooLarge(at, plain.Length));
        var article = WireTextParser.Parse(plain, at);
        return ReadResult.Ok(new Metadata(title is null ? null : HtmlText.Collapse(title), DateParsing.ParseLenient(dateText), url, outlet, author).ApplyTo(article));
    }

    private static readonly HashSet<string> BoilerplateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "cookie", "cookies", "consent", "gdpr", "newsletter", "share", "sharing", "social", "related", "comment", "comments",
        "advert", "advertisement", "anzeige", "werbung", "promo", "paywall", "subscribe", "banner", "breadcrumb", "breadcrumbs",
        "sidebar", "navigation", "navbar", "menu",
    };

    /// <summary>
    /// True for an element whose class or id has a boilerplate word as a whole part (<c>cookie-banner</c>, <c>share_box</c>).
    /// Why: parts, not substrings, so <c>shared-content</c> or <c>header-image</c> survive; and never an element that holds an article.
    /// </summary>
    private static bool IsBoilerplateByName(IElement e)
    {
        if (e.LocalName is "html" or "body" or "main" or "article") return false;
        var names = (e.GetAttribute("class") ?? "") + " " + (e.Id ?? "");
        if (names.Length <= 1) return false;
        foreach (var part in names.Split([' ', '\t', '\n', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            if (BoilerplateWords.Contains(part)) return e.QuerySelector("article") is null;
        return false;
    }

    private static int ParagraphTextLength(IElement e) => e.QuerySelectorAll("p").Sum(p => p.TextContent.Trim().Length);

    private static IElement? DensestBlock(IHtmlDocument doc)
    {
        var scores = new Dictionary<IElement, int>();
        foreach (var p in doc.QuerySelectorAll("p"))
        {
            if (p.ParentElement is not { } parent) continue;
            scores[parent] = scores.GetValueOrDefault(parent) + p.TextContent.Trim().Length;
        }
        return scores.Count == 0 ? null : scores.MaxBy(kv => kv.Value).Key;
    }

    private static string? Meta(IHtmlDocument doc, string attribute, string value)
    {
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            if (string.Equals(m.GetAttribute(attribute), value, StringComparison.OrdinalIgnoreCase)
                && NullIfBlank(m.GetAttribute("content")) is { } content)
                return content;
        }
        return null;
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private sealed record LinkedData(string? Headline = null, string? DatePublished = null, string? Author = null, string? Url = null, string? Publisher = null, string? ArticleBody = null);

    private static LinkedData FindJsonLd(IHtmlDocument doc)
    {
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindArticle(json.RootElement, 0) is { } a)
                {
                    return new LinkedData(
                        Str(a, "headline") ?? Str(a, "name"),
                        Str(a, "datePublished") ?? Str(a, "dateCreated"),
                        Names(a, "author"),
                        Str(a, "url") ?? (a.TryGetProperty("mainEntityOfPage", out var page) ? (page.ValueKind == JsonValueKind.String ? page.GetString() : Str(page, "@id")) : null),
                        Names(a, "publisher"),
                        Str(a, "articleBody"));
                }
            }
            catch (JsonException)
            {
                // Why: broken JSON-LD is common and only loses optional metadata; the page text is still read.
            }
        }
        return new LinkedData();
    }

    private static JsonElement? FindArticle(JsonElement e, int depth)
    {
        if (depth > 8) return null;
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                    if (FindArticle(item, depth + 1) is { } found) return found;
                return null;
            case JsonValueKind.Object:
                if (e.TryGetProperty("@type", out var type) && IsArticleType(type)) return e;
                if (e.TryGetProperty("@graph", out var graph)) return FindArticle(graph, depth + 1);
                return null;
            default:
                return null;
        }
    }

    private static bool IsArticleType(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => ArticleTypes.Contains(type.GetString(), StringComparer.OrdinalIgnoreCase),
        JsonValueKind.Array => type.EnumerateArray().Any(IsArticleType),
        _ => false,
    };

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? NullIfBlank(v.GetString()) : null;

    private static string? Names(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return null;
        var names = v.ValueKind switch
        {
            JsonValueKind.String => [v.GetString()],
            JsonValueKind.Object => [Str(v, "name")],
            JsonValueKind.Array => v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : Str(x, "name")).ToArray(),
            _ => Array.Empty<string?>(),
        };
        var list = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).ToList();
        return list.Count == 0 ? null : string.Join(", ", list);
    }

}
