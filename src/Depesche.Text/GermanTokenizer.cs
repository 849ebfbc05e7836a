using Depesche.Core;

namespace Depesche.Text;

/// <summary>
/// Tokenizes German news text into a <see cref="TokenTable"/> with <see cref="GermanTokenReader"/>. Pure and
/// thread-safe. Every token's offsets point into the original text; tokens are ordered, non-overlapping and
/// non-empty (the table builder checks this). Sentence indices are all 0; <see cref="SentenceSplitter"/> assigns them.
/// </summary>
public static class GermanTokenizer
{
    /// <summary>The producer recorded on tables made by the convenience overload.</summary>
    public static readonly Producer DefaultProducer = new("text.tokenize.v1");

    /// <summary>Tokenizes the whole text.</summary>
    public static TokenTable Tokenize(string text) => Tokenize(text, [new TextRange(0, (text ?? throw new ArgumentNullException(nameof(text))).Length)], DefaultProducer);

    /// <summary>
    /// Tokenizes only inside <paramref name="regions"/> (e.g. headline and body). Each region starts a paragraph
    /// (<see cref="TokenFlags.ParagraphStart"/> on its first token) and no token crosses a region's edge.
    /// Throws <see cref="ArgumentException"/> when regions lie outside the text, overlap or are out of order.
    /// </summary>
    public static TokenTable Tokenize(string text, ReadOnlySpan<TextRange> regions, Producer producer)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new TokenTableBuilder(text, EstimateTokens(regions));
        AddTokens(text, regions, builder);
        return builder.Build(producer);
    }

    [ThreadStatic] private static TokenTableBuilder? _scratch;

    /// <summary>
    /// Like <see cref="Tokenize(string, ReadOnlySpan{TextRange}, Producer)"/>, into a per-thread builder: the table is
    /// valid only until the next call on the same thread. For the sentence splitter, which copies the tokens into
    /// the article's final table anyway; saves one token table per article.
    /// </summary>
    internal static TokenTable TokenizeScratch(string text, ReadOnlySpan<TextRange> regions, Producer producer)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = _scratch ??= new TokenTableBuilder(text, 1024);
        builder.Reset(text);
        builder.EnsureCapacity(EstimateTokens(regions));
        AddTokens(text, regions, builder);
        return builder.Build(producer);
    }

    /// <summary>Appends the tokens of every region to <paramref name="builder"/>, whose text must be <paramref name="text"/>.</summary>
    internal static void AddTokens(string text, ReadOnlySpan<TextRange> regions, TokenTableBuilder builder)
    {
        int previousEnd = 0;
        for (int r = 0; r < regions.Length; r++)
        {
            var region = regions[r];
            if (region.End > text.Length)
                throw new ArgumentException($"Region {region} is outside the text of length {text.Length}.", nameof(regions));
            if (region.Start < previousEnd)
                throw new ArgumentException($"Region {region} overlaps or precedes the region before it; regions must be sorted and disjoint.", nameof(regions));
            previousEnd = region.End;
            var reader = new GermanTokenReader(text, region.Start, region.End);
            while (reader.Read())
                builder.Add(reader.TokenStart, reader.TokenEnd, reader.Kind, reader.Flags);
        }
    }

    internal static int EstimateTokens(ReadOnlySpan<TextRange> regions)
    {
        long chars = 0;
        foreach (var r in regions) chars += r.Length;
        // Why: German news averages about 6.5 characters per token including the space; over-allocating a little avoids one doubling.
        return (int)Math.Clamp(chars / 5 + 16, 16, int.MaxValue / 2);
    }
}
