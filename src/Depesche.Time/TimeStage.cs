using Depesche.Core;

namespace Depesche.Time;

/// <summary>
/// The rule-based time stage: reads sentence boundaries and produces the <see cref="LayerName.Times"/> layer of
/// <see cref="TimeExpression"/> items. Thread-safe: one instance serves every worker.
/// Throws <see cref="InvalidOperationException"/> for an article without a publication date in news mode
/// (the pipeline records that as a stage failure): relative dates cannot be anchored without one.
/// </summary>
public sealed class TimeStage : IStage
{
    public const string StageId = "time.rules.v1";
    private readonly GermanTimeTagger _tagger;

    public TimeStage(TimeOptions? options = null) => _tagger = new GermanTimeTagger(options);

    public TimeOptions Options => _tagger.Options;
    public string Id => StageId;
    public string Description => "German dates, times, durations and sets (TIMEX3), anchored on the publication date";
    public IReadOnlyList<LayerName> Requires { get; } = [LayerName.Tokens, LayerName.Sentences];
    public IReadOnlyList<LayerName> Produces { get; } = [LayerName.Times];

    public IReadOnlyList<ILayer> Run(Analysis input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var published = input.Article.Source.Published
            ?? throw new InvalidOperationException($"Article '{input.Article.Id}' has no publication date to anchor relative time expressions.");
        var anchor = GermanTimeTagger.LocalDate(published, Options.TimeZone);
        var sentences = input.Sentences;
        var ranges = new List<TextRange>(sentences.Count);
        foreach (var s in sentences) ranges.Add(s.Range);
        var items = _tagger.Tag(input.Text, ranges, anchor);
        return [new Layer<TimeExpression>(LayerName.Times, new Producer(StageId), items)];
    }
}
