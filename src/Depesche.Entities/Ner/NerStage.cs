using Depesche.Core;

namespace Depesche.Entities.Ner;

/// <summary>
/// Tags every sentence with a <see cref="NerModel"/> and emits outer-level <see cref="EntityMention"/>s with character
/// offsets from the token table; then applies <see cref="WireRules"/> when enabled. Thread-safe: the model is
/// immutable and scratch buffers are per thread.
/// </summary>
public sealed class NerStage : IStage
{
    public const string StageId = "ner.perceptron.v1";

    private readonly NerModel _model;
    private readonly bool _rules;

    /// <param name="model">A loaded model (see <see cref="NerModel.Load(string)"/>).</param>
    /// <param name="wireRules">Apply the wire-text rules (agencies, quoted media, metonyms, datelines, editor codes).</param>
    public NerStage(NerModel model, bool wireRules = true)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _rules = wireRules;
    }

    public string Id => StageId;
    public string Description => "German NER (GermEval PER/LOC/ORG/OTH with deriv/part): averaged structured perceptron" + (_rules ? " + wire rules" : "");
    public IReadOnlyList<LayerName> Requires { get; } = [LayerName.Tokens, LayerName.Sentences];
    public IReadOnlyList<LayerName> Produces { get; } = [LayerName.Entities];

    public IReadOnlyList<ILayer> Run(Analysis input)
    {
        var tokens = input.Tokens;
        var sentences = input.Sentences;
        // Why: scratch of the article's length, rented so that tagging allocates only the mentions it returns.
        var tagsArr = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, tokens.Count));
        var marginsArr = System.Buffers.ArrayPool<float>.Shared.Rent(Math.Max(1, tokens.Count));
        try
        {
            return Tag(input, tagsArr.AsSpan(0, tokens.Count), marginsArr.AsSpan(0, tokens.Count));
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(tagsArr);
            System.Buffers.ArrayPool<float>.Shared.Return(marginsArr);
        }
    }

    private IReadOnlyList<ILayer> Tag(Analysis input, Span<int> tags, Span<float> margins)
    {
        var tokens = input.Tokens;
        var sentences = input.Sentences;
        // Rented memory holds the last article's tags; tokens outside every sentence must read O.
        tags.Clear();
        margins.Clear();
        foreach (var s in sentences)
        {
            var span = s.Tokens;
            if (span.Count == 0) continue;
            _model.Tag(tokens.Text, tokens.Starts[span.First..span.End], tokens.Ends[span.First..span.End],
                tags.Slice(span.First, span.Count), margins.Slice(span.First, span.Count));
            // Why: a chunk must not continue across a sentence boundary.
            if (NerLabels.IsInside(tags[span.First])) tags[span.First]--;
        }
        if (_rules)
        {
            WireRules.Apply(input, tags, _model.Gazetteer);
            foreach (var s in sentences)
            {
                var span = s.Tokens;
                WireRules.DerivedPlaceAdjectives(tokens.Text, tokens.Starts[span.First..span.End], tokens.Ends[span.First..span.End], tags.Slice(span.First, span.Count), _model.Gazetteer);
            }
            WireRules.PropagateNames(tokens, tags);
        }
        var mentions = new List<EntityMention>();
        foreach (var chunk in NerLabels.Chunks(tags))
        {
            float m = float.MaxValue;
            for (int i = chunk.Start; i < chunk.End; i++) m = Math.Min(m, margins[i]);
            float conf = float.IsFinite(m) && m != float.MaxValue ? 1f / (1f + MathF.Exp(-m / 2f)) : 1f;
            mentions.Add(new EntityMention(tokens.StartOf(chunk.Start), tokens.EndOf(chunk.End - 1), NerLabels.TypeOf(chunk.Label), NerLabels.FlagsOf(chunk.Label), 0, conf));
        }
        if (_rules)
        {
            WireRules.AddDatelineAndAgency(input.Article, mentions);
            WireRules.DropEditorCodes(input, mentions);
        }
        return [new Layer<EntityMention>(LayerName.Entities, new Producer(StageId, _model.Version), mentions)];
    }
}
