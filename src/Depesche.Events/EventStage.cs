using Depesche.Core;

namespace Depesche.Events;

/// <summary>
/// The rule-based event stage: requires tokens, sentences and times; reads entities (and, once they land, links and
/// quotes) when present and falls back to its actor lexicon when not. Produces <see cref="LayerName.Events"/>.
/// Thread-safe: one instance serves every worker.
/// </summary>
public sealed class EventStage : IStage
{
    public const string StageId = "events.rules.v1";

    public string Id => StageId;
    public string Description => "Events (PLOVER types, CAMEO codes) with actors, place, time and status from German cues";
    public IReadOnlyList<LayerName> Requires { get; } = [LayerName.Tokens, LayerName.Sentences, LayerName.Times];
    public IReadOnlyList<LayerName> Produces { get; } = [LayerName.Events];

    public IReadOnlyList<ILayer> Run(Analysis input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [new Layer<EventMention>(LayerName.Events, new Producer(StageId), EventExtractor.Extract(input))];
    }
}
