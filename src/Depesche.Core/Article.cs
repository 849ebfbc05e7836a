using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Depesche.Core;

/// <summary>
/// One article as read from its source. Immutable; every range points into <see cref="Text"/>,
/// which is the original text after decoding only (no normalisation ever rewrites it).
/// </summary>
public sealed record Article
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public ArticleSource Source { get; init; } = ArticleSource.Empty;

    /// <summary>The headline, when the source has one inside <see cref="Text"/>.</summary>
    public TextRange? Headline { get; init; }

    /// <summary>A headline given outside the text (feed title, JSON <c>title</c>, HTML meta) when it is not part of <see cref="Text"/>.</summary>
    public string? Title { get; init; }

    public ImmutableArray<TextRange> Subheadings { get; init; } = [];
    public ImmutableArray<TextRange> Paragraphs { get; init; } = [];

    /// <summary>
    /// The body copy: after the dateline (<c>KIEW/WASHINGTON (dpa-AFX) -</c>) and before the editor-code trailer
    /// (<c>/ddo/DP/stw</c>). With <see cref="Headline"/> this is what the tokenizer covers; the dateline and trailer
    /// are metadata with their own ranges.
    /// </summary>
    public TextRange Body { get; init; }

    /// <summary>The whole dateline including agency and dash, e.g. <c>KIEW/WASHINGTON (dpa-AFX) -</c>.</summary>
    public TextRange? DatelineRange { get; init; }

    /// <summary>The editor-code trailer, e.g. <c>/ddo/DP/stw</c>.</summary>
    public TextRange? TrailerRange { get; init; }

    /// <summary>Where the article came from (file, line, byte), for messages and provenance.</summary>
    public SourceLocation Origin { get; init; } = SourceLocation.None;

    /// <summary>A stable id derived from the text alone, so re-reading the same content yields the same id.</summary>
    public static string IdFromText(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}

/// <summary>Metadata about an article's provenance. All ranges point into the article text.</summary>
public sealed record ArticleSource
{
    public static readonly ArticleSource Empty = new();

    /// <summary>The agency as written, e.g. <c>dpa-AFX</c>, <c>Reuters</c>; null when unknown.</summary>
    public string? Agency { get; init; }
    public TextRange? AgencyRange { get; init; }
    public string? Url { get; init; }
    public string? Author { get; init; }
    public string? Outlet { get; init; }
    public PublicationTime? Published { get; init; }
    public ImmutableArray<Dateline> Datelines { get; init; } = [];
    public ImmutableArray<EditorCode> EditorCodes { get; init; } = [];
    public ImmutableArray<VersionMarker> VersionMarkers { get; init; } = [];
}

/// <summary>
/// When an article was published: always a calendar date, a time of day only when the source gives one.
/// <see cref="UtcOffset"/> is null when the source states no zone (consumers then assume Europe/Berlin).
/// </summary>
public readonly record struct PublicationTime(DateOnly Date, TimeOnly? TimeOfDay = null, TimeSpan? UtcOffset = null)
{
    public override string ToString()
    {
        if (TimeOfDay is not { } t) return Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var s = Date.ToDateTime(t).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        if (UtcOffset is not { } o) return s;
        return o == TimeSpan.Zero ? s + "Z" : s + (o < TimeSpan.Zero ? "-" : "+") + o.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A dateline place such as <c>KIEW</c> in <c>KIEW/WASHINGTON (dpa-AFX) -</c>.</summary>
public readonly record struct Dateline(string Place, TextRange Range);

/// <summary>An editor's code from the trailer (<c>/ddo/DP/stw</c>).</summary>
public readonly record struct EditorCode(string Code, TextRange Range);

/// <summary>A version marker such as <c>WDH</c>, <c>ROUNDUP 2</c> or <c>KORREKTUR</c>.</summary>
public readonly record struct VersionMarker(VersionKind Kind, int? Number, TextRange Range);

public enum VersionKind
{
    Repeat,      // WDH, Wiederholung
    Roundup,     // ROUNDUP, ROUNDUP 2
    Correction,  // KORREKTUR
    Update,      // UPDATE, AKTUALISIERT
    Overview,    // ÜBERBLICK
    Flash,       // EIL, EILMELDUNG
}
