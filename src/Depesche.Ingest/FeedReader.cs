using System.Xml;
using System.Xml.Linq;
using Depesche.Core;

namespace Depesche.Ingest;

/// <summary>
/// RSS 2.0, RSS 1.0 (RDF) and Atom. Parsed with <see cref="XmlReader"/> rather than System.ServiceModel.Syndication
/// because that throws on the malformed dates real feeds carry; here an unreadable date is simply absent.
/// A feed that is not well-formed XML yields exactly one MalformedFeed rejection and no items.
/// </summary>
internal static class FeedReader
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static IEnumerable<ReadResult> Read(Stream stream, string name)
    {
        var (doc, failure) = Load(stream, name);
        if (failure is not null)
        {
            yield return ReadResult.Fail(failure);
            yield break;
        }
        var root = doc!.Root!;
        switch (root.Name.LocalName)
        {
            case "rss":
            case "RDF":
                var channelTitle = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "channel")?.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value;
                foreach (var item in root.Descendants().Where(e => e.Name.LocalName == "item"))
                    yield return RssItem(item, name, channelTitle);
                break;
            case "feed":
                var feedTitle = root.Element(Atom + "title")?.Value ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value;
                foreach (var entry in root.Elements().Where(e => e.Name.LocalName == "entry"))
                    yield return AtomEntry(entry, name, feedTitle);
                break;
            default:
                yield return ReadResult.Fail(RejectionCode.MalformedFeed, $"the XML root <{root.Name.LocalName}> is neither RSS nor Atom", Line(root, name));
                break;
        }
    }

    private static (XDocument? Doc, Rejection? Failure) Load(Stream stream, string name)
    {
        var settings = new XmlReaderSettings
        {
            // Why: feeds from the wild may carry a DOCTYPE; ignore it, never resolve external entities.
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024 * 1024,
            IgnoreComments = true,
            CloseInput = false,
        };
        try
        {
            using var limited = new LimitedStream(stream, Limits.MaxFeedBytes);
            using var reader = XmlReader.Create(limited, settings);
            var doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
            if (doc.Root is null) return (null, new Rejection(RejectionCode.MalformedFeed, "the feed has no root element", new SourceLocation(name)));
            return (doc, null);
        }
        catch (LimitedStream.LimitExceededException)
        {
            return (null, Limits.TooLarge(new SourceLocation(name), Limits.MaxFeedBytes));
        }
        catch (XmlException e)
        {
            return (null, new Rejection(RejectionCode.MalformedFeed,
                $"the feed is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}",
                new SourceLocation(name, e.LineNumber > 0 ? e.LineNumber : null)));
        }
    }

    private static ReadResult RssItem(XElement item, string name, string? outlet)
    {
        var at = Line(item, name);
        var title = Child(item, "title")?.Value;
        var link = Child(item, "link")?.Value;
        if (string.IsNullOrWhiteSpace(link) && Child(item, "guid") is { } guid && (string?)guid.Attribute("isPermaLink") != "false")
            link = guid.Value;
        var html = item.Element(Content + "encoded")?.Value;
        var description = Child(item, "description")?.Value;
        if (string.IsNullOrWhiteSpace(html) || (description?.Length ?? 0) > html.Length) html = description;
        var date = Child(item, "pubDate")?.Value ?? item.Element(Dc + "date")?.Value;
        var author = item.Element(Dc + "creator")?.Value ?? Child(item, "author")?.Value;
        return Build(html, isHtml: true, at, title, date, link, outlet, author);
    }

    private static ReadResult AtomEntry(XElement entry, string name, string? outlet)
    {
        var at = Line(entry, name);
        var title = Child(entry, "title") is { } t ? AtomText(t) : null;
        var links = entry.Elements().Where(e => e.Name.LocalName == "link").ToList();
        var link = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value
                   ?? links.FirstOrDefault()?.Attribute("href")?.Value;
        var content = Child(entry, "content") ?? Child(entry, "summary");
        var contentKind = (string?)content?.Attribute("type") ?? "text";
        string? body = content is null ? null : contentKind == "xhtml"
            ? string.Concat(content.Nodes().Select(n => n.ToString()))
            : content.Value;
        var date = Child(entry, "published")?.Value ?? Child(entry, "updated")?.Value;
        var author = Child(entry, "author") is { } a ? Child(a, "name")?.Value ?? a.Value : null;
        return Build(body, isHtml: contentKind is "html" or "xhtml" || contentKind.Contains("html", StringComparison.OrdinalIgnoreCase), at, title, date, link, outlet, author);
    }

    private static string AtomText(XElement e) =>
        (string?)e.Attribute("type") is "html" or "xhtml" ? HtmlText.Collapse(HtmlText.FromFragment(e.Value)) : HtmlText.Collapse(e.Value);

    private static ReadResult Build(string? content, bool isHtml, SourceLocation at, string? title, string? date, string? link, string? outlet, string? author)
    {
        var text = string.IsNullOrWhiteSpace(content) ? "" : isHtml ? HtmlText.FromFragment(content) : HtmlText.Paragraphs(content);
        if (text.Length == 0) return ReadResult.Fail(RejectionCode.NoText, "the feed item has no description or content", at);
        if (text.Length > Limits.MaxTextChars) return ReadResult.Fail(Limits.TooLarge(at, text.Length));
        var article = WireTextParser.Parse(text, at);
        var cleanTitle = title is null ? null : HtmlText.Collapse(HtmlText.FromFragment(title));
        return ReadResult.Ok(new Metadata(cleanTitle, DateParsing.ParseLenient(date), link?.Trim(), outlet?.Trim(), author?.Trim()).ApplyTo(article));
    }

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName && (e.Name.Namespace == XNamespace.None || e.Name.Namespace == Atom || e.Name.Namespace == parent.Name.Namespace));

    private static SourceLocation Line(XObject node, string name) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? new SourceLocation(name, info.LineNumber) : new SourceLocation(name);

    /// <summary>Reads at most a limit of bytes from a stream it does not own, then throws, so a runaway feed cannot fill memory.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : ForwardStream
    {
        private long _read;

        public sealed class LimitExceededException : Exception;

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            if (_read > limit) throw new LimitExceededException();
            return n;
        }
    }
}
