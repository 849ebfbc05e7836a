namespace Depesche.Core;

/// <summary>Where a piece of input sits: file, line (1-based) and byte offset (0-based), each when known.</summary>
public readonly record struct SourceLocation(string? File, long? Line = null, long? Byte = null)
{
    public static readonly SourceLocation None = new(null);

    public override string ToString()
    {
        var f = File ?? "<input>";
        if (Line is { } l && Byte is { } b) return $"{f}:{l} (byte {b})";
        if (Line is { } l2) return $"{f}:{l2}";
        if (Byte is { } b2) return $"{f} (byte {b2})";
        return f;
    }
}

/// <summary>
/// The catalogue of reasons for refusing input. Tests assert codes, not message text.
/// The string form (<see cref="RejectionCodes.Name"/>) is stable and appears in JSON and summaries.
/// </summary>
public enum RejectionCode
{
    EmptyInput,
    BinaryContent,
    InvalidEncoding,
    TruncatedEncoding,
    Mojibake,
    TooLarge,
    MalformedJson,
    MissingField,
    InvalidField,
    MalformedFeed,
    MalformedHtml,
    NoText,
    UnsupportedFormat,
    Unreadable,
    MalformedCsv,
}

public static class RejectionCodes
{
    public static string Name(RejectionCode code) => code switch
    {
        RejectionCode.EmptyInput => "empty-input",
        RejectionCode.BinaryContent => "binary-content",
        RejectionCode.InvalidEncoding => "invalid-encoding",
        RejectionCode.TruncatedEncoding => "truncated-encoding",
        RejectionCode.Mojibake => "mojibake",
        RejectionCode.TooLarge => "too-large",
        RejectionCode.MalformedJson => "malformed-json",
        RejectionCode.MissingField => "missing-field",
        RejectionCode.InvalidField => "invalid-field",
        RejectionCode.MalformedFeed => "malformed-feed",
        RejectionCode.MalformedHtml => "malformed-html",
        RejectionCode.NoText => "no-text",
        RejectionCode.UnsupportedFormat => "unsupported-format",
        RejectionCode.Unreadable => "unreadable",
        RejectionCode.MalformedCsv => "malformed-csv",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}

/// <summary>Input that was refused, with the reason and where it sits. Stored and counted, never thrown.</summary>
public sealed record Rejection(RejectionCode Code, string Message, SourceLocation Location)
{
    public string CodeName => RejectionCodes.Name(Code);
    public override string ToString() => $"{Location}: {CodeName}: {Message}";
}

/// <summary>What a reader yields for each item of input: an article or a rejection, never both.</summary>
public readonly struct ReadResult
{
    private ReadResult(Article? article, Rejection? rejection)
    {
        Article = article;
        Rejection = rejection;
    }

    public Article? Article { get; }
    public Rejection? Rejection { get; }
    public bool IsArticle => Article is not null;

    public static ReadResult Ok(Article article) => new(article ?? throw new ArgumentNullException(nameof(article)), null);
    public static ReadResult Fail(Rejection rejection) => new(null, rejection ?? throw new ArgumentNullException(nameof(rejection)));
    public static ReadResult Fail(RejectionCode code, string message, SourceLocation location) => new(null, new Rejection(code, message, location));
}
