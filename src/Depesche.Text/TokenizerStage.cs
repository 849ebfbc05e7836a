using Depesche.Core;

namespace Depesche.Text;

/// <summary>
/// Tokenizes an article's headline and body and splits them into sentences. The dateline and trailer lie outside
/// the body and are not tokenized. Headline, subheadings and paragraphs are hard sentence boundaries.
/// Stateless and thread-safe.
/// </summary>
public sealed class TokenizerStage : IStage
{
    public const string StageId = "text.tokenize.v1";

    private static readonly Producer Producer = new(StageId);

    public string Id => StageId;
    public string Description => "German tokenizer and rule-based sentence splitter over headline and body";
    public IReadOnlyList<LayerName> Requires { get; } = [LayerName.Article];
    public IReadOnlyList<LayerName> Produces { get; } = [LayerName.Tokens, LayerName.Sentences];

    public IReadOnlyList<ILayer> Run(Analysis input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var split = Process(input.Article);
        return [split.Tokens, split.Sentences];
    }

    /// <summary>Tokenizes and splits one article; the same as <see cref="Run"/> without an <see cref="Analysis"/>.</summary>
    public static SentenceSplit Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Text;
        var regions = Regions(article);
        // Why: the first pass is scratch; the splitter writes the tokens, with their sentences, into the table that is kept.
        var tokens = GermanTokenizer.TokenizeScratch(text, regions, Producer);
        return SentenceSplitter.Split(tokens, Boundaries(article), Producer);
    }

    /// <summary>
    /// Headline then body (the whole text when the body is empty), clipped to the text, sorted, and with overlaps
    /// removed so the tokenizer's region contract holds even for sloppy ranges from a reader.
    /// </summary>
    internal static TextRange[] Regions(Article article)
    {
        int length = article.Text.Length;
        var body = article.Body.IsEmpty ? new TextRange(0, length) : Clip(article.Body, length);
        var list = new List<TextRange>(2);
        if (article.Headline is { } h && !h.IsEmpty) list.Add(Clip(h, length));
        list.Add(body);
        list.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var result = new List<TextRange>(list.Count);
        foreach (var r in list)
        {
            if (result.Count > 0 && r.Start < result[^1].End)
            {
                // Why: a whole-text body contains the headline; merge them and keep the headline edge as a hard boundary instead.
                var last = result[^1];
                result[^1] = new TextRange(last.Start, Math.Max(last.End, r.End));
            }
            else if (!r.IsEmpty) result.Add(r);
        }
        return [.. result];
    }

    internal static int[] Boundaries(Article article)
    {
        var list = new List<int>();
        if (article.Headline is { } h) { list.Add(h.Start); list.Add(h.End); }
        list.Add(article.Body.Start);
        // Why: with an empty body the whole text is tokenized; the dateline and trailer edges then still separate sentences.
        if (article.DatelineRange is { } d) { list.Add(d.Start); list.Add(d.End); }
        if (article.TrailerRange is { } tr) list.Add(tr.Start);
        foreach (var s in article.Subheadings) { list.Add(s.Start); list.Add(s.End); }
        foreach (var p in article.Paragraphs) { list.Add(p.Start); list.Add(p.End); }
        return [.. list];
    }

    private static TextRange Clip(TextRange r, int length) => new(Math.Min(r.Start, length), Math.Min(r.End, length));
}
