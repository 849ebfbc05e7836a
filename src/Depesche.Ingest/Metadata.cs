using Depesche.Core;

namespace Depesche.Ingest;

/// <summary>Metadata that a container format (JSON line, feed item, HTML page) gives outside the text.</summary>
internal sealed record Metadata(string? Title, PublicationTime? Published, string? Url, string? Source, string? Author)
{
    /// <summary>
    /// Fills in what the text itself lacks: the text's own date wins over the container's, the container's
    /// source becomes the outlet (and the agency when it names one and the text has none).
    /// </summary>
    public Article ApplyTo(Article article)
    {
        var src = article.Source;
        var source = string.IsNullOrWhiteSpace(Source) ? null : Source.Trim();
        return article with
        {
            Title = string.IsNullOrWhiteSpace(Title) ? article.Title : Title.Trim(),
            Source = src with
            {
                Published = src.Published ?? Published,
                Url = src.Url ?? NullIfBlank(Url),
                Author = src.Author ?? NullIfBlank(Author),
                Outlet = src.Outlet ?? source,
                Agency = src.Agency ?? (source is not null && WireTextParser.IsKnownAgency(source) ? source : null),
            },
        };
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Limits shared by all readers.</summary>
internal static class Limits
{
    /// <summary>An article whose text exceeds this many UTF-16 code units is refused (TooLarge).</summary>
    /// <remarks>
    /// Why half a million (some 70,000 words, far beyond any news article): the analysis of one article is held whole,
    /// at about 100 bytes per character, so this bounds an ingest worker's memory. Measured with 40 articles at the
    /// limit and two workers: a million characters took 435 MB of peak RSS, over the 400 MB bound.
    /// </remarks>
    public const int MaxTextChars = 500_000;

    /// <summary>Raw bytes read for one wire file or HTML page before refusing it (UTF-16 doubles the size, markup more).</summary>
    public const int MaxDocumentBytes = 24 * 1024 * 1024;

    /// <summary>The largest feed read; a feed is parsed whole so that a malformed one yields no partial items.</summary>
    public const long MaxFeedBytes = 128L * 1024 * 1024;

    /// <summary>The longest JSON line kept in memory; longer lines are skipped to their end and refused.</summary>
    public const int MaxJsonLineBytes = 16 * 1024 * 1024;

    public static Rejection TooLarge(SourceLocation at, long size) =>
        new(RejectionCode.TooLarge, $"the article is too large ({size} bytes or characters; the limit is {MaxTextChars} characters)", at);
}
