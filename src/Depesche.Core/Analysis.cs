using System.Collections.Immutable;

namespace Depesche.Core;

/// <summary>
/// An article and the layers computed over it. Immutable: <see cref="With"/> returns a new analysis
/// sharing the unchanged layers. Thread-safe.
/// </summary>
public sealed class Analysis
{
    private readonly ImmutableDictionary<LayerName, ILayer> _layers;

    public Analysis(Article article) : this(article, ImmutableDictionary<LayerName, ILayer>.Empty, []) { }

    private Analysis(Article article, ImmutableDictionary<LayerName, ILayer> layers, ImmutableArray<StageFailure> failures)
    {
        Article = article ?? throw new ArgumentNullException(nameof(article));
        _layers = layers;
        Failures = failures;
    }

    public Article Article { get; }
    public string Text => Article.Text;

    /// <summary>Stages that failed on this article (batch mode records and skips them).</summary>
    public ImmutableArray<StageFailure> Failures { get; }

    public IEnumerable<ILayer> Layers => _layers.Values;

    public bool Has(LayerName name) => name == LayerName.Article || _layers.ContainsKey(name);

    /// <summary>The layer of that name. Throws <see cref="InvalidOperationException"/> if absent: a stage asked for something it did not declare.</summary>
    public TLayer Get<TLayer>(LayerName name) where TLayer : class, ILayer
    {
        if (!_layers.TryGetValue(name, out var layer))
            throw new InvalidOperationException($"Layer '{name}' is not present; declare it in the stage's Requires.");
        return layer as TLayer ?? throw new InvalidOperationException($"Layer '{name}' is a {layer.GetType().Name}, not a {typeof(TLayer).Name}.");
    }

    public TLayer? Find<TLayer>(LayerName name) where TLayer : class, ILayer =>
        _layers.TryGetValue(name, out var layer) ? layer as TLayer : null;

    public TokenTable Tokens => Get<TokenTable>(LayerName.Tokens);
    public SentenceTable Sentences => Get<SentenceTable>(LayerName.Sentences);

    /// <summary>A new analysis with the layer added. Throws if a layer of that name exists: layers are never replaced.</summary>
    public Analysis With(ILayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (layer.Name == LayerName.Article || _layers.ContainsKey(layer.Name))
            throw new InvalidOperationException($"Layer '{layer.Name}' is already present.");
        return new Analysis(Article, _layers.Add(layer.Name, layer), Failures);
    }

    public Analysis WithFailure(StageFailure failure) => new(Article, _layers, Failures.Add(failure));
}

/// <summary>A stage that threw on one article: recorded, never silent.</summary>
public sealed record StageFailure(string StageId, string ArticleId, string Message, string ExceptionType);
