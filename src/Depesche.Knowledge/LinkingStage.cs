using Depesche.Core;

namespace Depesche.Knowledge;

/// <summary>
/// Links every entity mention to a KB entity, or to a document-local identity shared by its coreferent mentions, and
/// records roles from titles and appositions. Dateline places are linked too (mention index -1).
/// <para>Requires tokens, sentences and entities; produces <see cref="LinkLayer"/> under <see cref="LayerName.Links"/>.
/// Thread-safe: the KB is immutable and each run keeps its state in a per-article linker.</para>
/// </summary>
public sealed class LinkingStage : IStage
{
    public const string StageId = "link.kb.v1";

    private readonly KnowledgeBase _kb;
    private readonly Producer _producer;

    public LinkingStage(KnowledgeBase kb)
    {
        _kb = kb ?? throw new ArgumentNullException(nameof(kb));
        _producer = new Producer(StageId, "kb-" + kb.Version);
    }

    /// <summary>A stage over the curated KB embedded in this assembly.</summary>
    public static LinkingStage CreateDefault() => new(KnowledgeBase.LoadDefault());

    public KnowledgeBase KnowledgeBase => _kb;
    public string Id => StageId;
    public string Description => "entity linking: KB ids or document-local identities, roles, places with coordinates";
    public IReadOnlyList<LayerName> Requires { get; } = [LayerName.Tokens, LayerName.Sentences, LayerName.Entities];
    public IReadOnlyList<LayerName> Produces { get; } = [LayerName.Links];

    public IReadOnlyList<ILayer> Run(Analysis input) => [Link(input)];

    /// <summary>The link layer for one analysis. Throws <see cref="InvalidOperationException"/> when entities are absent.</summary>
    public LinkLayer Link(Analysis input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mentions = input.Get<Layer<EntityMention>>(LayerName.Entities);
        var sentences = input.Find<SentenceTable>(LayerName.Sentences);
        return new DocumentLinker(_kb, input.Article, mentions.Items, sentences).Run(_producer);
    }
}
