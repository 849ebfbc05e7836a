using Depesche.Core;

namespace Depesche.Quotes;

/// <summary>
/// Finds quotes (direct, indirect, reported), their cues, speakers and source chains with rules. Uses the entity
/// layer when present (speakers become entity mentions, pronouns resolve to the last person) and falls back to
/// capitalisation heuristics without it. Stateless and thread-safe; never throws on odd text.
/// </summary>
public sealed class QuoteStage : IStage
{
    public const string StageId = "quotes.rules.v1";

    private static readonly Producer Producer = new(StageId);

    public string Id => StageId;
    public string Description => "Rule-based quotes: direct, indirect (Konjunktiv, laut, zufolge, nach Angaben), reported; speakers and source chains";
    public IReadOnlyList<LayerName> Requires { get; } = [LayerName.Tokens, LayerName.Sentences];
    public IReadOnlyList<LayerName> Produces { get; } = [LayerName.Quotes];

    public IReadOnlyList<ILayer> Run(Analysis input) => [Find(input)];

    /// <summary>The quote layer of one analysis (which must hold tokens and sentences).</summary>
    public Layer<Quote> Find(Analysis input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var quotes = new QuoteFinder(input).Run();
        return new Layer<Quote>(LayerName.Quotes, Producer, quotes);
    }
}
