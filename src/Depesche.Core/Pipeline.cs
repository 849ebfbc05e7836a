using System.Collections.Immutable;
using System.Text;

namespace Depesche.Core;

/// <summary>
/// One step of analysis. A stage reads the layers it <see cref="Requires"/> and returns exactly the layers it
/// <see cref="Produces"/>; it never mutates its input. Implementations must be thread-safe: one instance
/// serves every worker.
/// </summary>
public interface IStage
{
    /// <summary>A versioned id such as <c>ner.perceptron.v1</c>.</summary>
    string Id { get; }
    string Description { get; }
    IReadOnlyList<LayerName> Requires { get; }
    IReadOnlyList<LayerName> Produces { get; }
    IReadOnlyList<ILayer> Run(Analysis input);
}

/// <summary>The pipeline could not be built: some stage's requirements are unmet or two stages produce one layer.</summary>
public sealed class PipelineBuildException(IReadOnlyList<string> problems)
    : Exception("Pipeline is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// An ordered list of stages whose declarations were checked when it was built. Order is the caller's:
/// the pipeline never re-sorts stages. Thread-safe if its stages are.
/// </summary>
public sealed class Pipeline
{
    private Pipeline(ImmutableArray<IStage> stages) => Stages = stages;

    public ImmutableArray<IStage> Stages { get; }

    /// <summary>Checks every declaration and returns the pipeline, or throws <see cref="PipelineBuildException"/> listing every problem.</summary>
    public static Pipeline Build(IEnumerable<IStage> stages)
    {
        var list = stages.ToImmutableArray();
        var available = new Dictionary<LayerName, string> { [LayerName.Article] = "input" };
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in list)
        {
            if (!ids.Add(stage.Id)) problems.Add($"stage '{stage.Id}' appears twice");
            foreach (var need in stage.Requires)
                if (!available.ContainsKey(need))
                    problems.Add($"stage '{stage.Id}' requires '{need}', which no earlier stage produces");
            foreach (var made in stage.Produces)
            {
                if (available.TryGetValue(made, out var by))
                    problems.Add($"stage '{stage.Id}' produces '{made}', already produced by '{by}'");
                else
                    available[made] = stage.Id;
            }
        }
        if (problems.Count > 0) throw new PipelineBuildException(problems);
        return new Pipeline(list);
    }

    /// <summary>
    /// Runs every stage on one article. A stage that throws is recorded in <see cref="Analysis.Failures"/> and the
    /// stages that depend on its layers are skipped; with <paramref name="strict"/> the exception propagates instead.
    /// A stage that returns layers other than those it declared is a programmer error and always throws.
    /// </summary>
    public Analysis Run(Article article, bool strict = false)
    {
        var analysis = new Analysis(article);
        foreach (var stage in Stages)
        {
            bool ready = true;
            foreach (var need in stage.Requires)
                if (!analysis.Has(need)) { ready = false; break; }
            if (!ready) continue;

            IReadOnlyList<ILayer> layers;
            try
            {
                layers = stage.Run(analysis);
            }
            catch (Exception ex) when (!strict && ex is not OutOfMemoryException)
            {
                analysis = analysis.WithFailure(new StageFailure(stage.Id, article.Id, ex.Message, ex.GetType().Name));
                continue;
            }
            if (layers.Count != stage.Produces.Count || layers.Any(l => !stage.Produces.Contains(l.Name)))
                throw new InvalidOperationException(
                    $"Stage '{stage.Id}' returned [{string.Join(", ", layers.Select(l => l.Name))}] but declares [{string.Join(", ", stage.Produces)}].");
            foreach (var layer in layers) analysis = analysis.With(layer);
        }
        return analysis;
    }

    /// <summary>A table of stages with what each requires and produces, for <c>depesche pipeline --explain</c>.</summary>
    public string Explain()
    {
        var rows = new List<string[]> { new[] { "#", "stage", "requires", "produces", "description" } };
        int n = 1;
        foreach (var s in Stages)
            rows.Add([n++.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Id, string.Join(", ", s.Requires), string.Join(", ", s.Produces), s.Description]);
        var widths = Enumerable.Range(0, 5).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var r in rows)
            sb.AppendLine(string.Join("  ", r.Select((cell, c) => c == 4 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        return sb.ToString();
    }
}
