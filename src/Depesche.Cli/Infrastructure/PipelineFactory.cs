using Depesche.Core;
using Depesche.Entities.Ner;
using Depesche.Events;
using Depesche.Knowledge;
using Depesche.Quotes;
using Depesche.Text;
using Depesche.Time;

namespace Depesche.Cli.Infrastructure;

/// <summary>
/// The one place where analysis stages are chosen and ordered. Stages whose model is missing are left out
/// and reported (<see cref="Omitted"/>, shown by <c>depesche pipeline --explain</c>), never silently replaced.
/// </summary>
public static class PipelineFactory
{
    public const string NerModelFile = "ner/ner-de.bin";

    private static readonly Lazy<(Pipeline Pipeline, IReadOnlyList<string> Omitted)> Cached = new(Create);

    /// <summary>The default pipeline, built once per process (models load once; stages are thread-safe).</summary>
    public static Pipeline Default() => Cached.Value.Pipeline;

    /// <summary>The default pipeline's stages before the one with this id (for evaluating or timing one stage alone).</summary>
    public static Pipeline UpTo(string stageId)
    {
        var stages = Default().Stages;
        int at = stages.IndexOf(stages.FirstOrDefault(s => s.Id == stageId)!);
        if (at < 0) throw new CliException($"stage {stageId} is not in the pipeline ({string.Join("; ", Omitted)})", ExitCodes.IoError);
        return Pipeline.Build(stages.Take(at));
    }

    /// <summary>The shipped NER model file when it is present.</summary>
    public static string? NerModelPath() =>
        ModelsDirectory() is { } dir && Path.Combine(dir, NerModelFile) is var p && File.Exists(p) ? p : null;

    /// <summary>Stages left out of <see cref="Default"/>, each with the reason.</summary>
    public static IReadOnlyList<string> Omitted => Cached.Value.Omitted;

    private static (Pipeline, IReadOnlyList<string>) Create()
    {
        var omitted = new List<string>();
        var stages = new List<IStage> { new TokenizerStage() };
        var modelPath = ModelsDirectory() is { } dir ? Path.Combine(dir, NerModelFile) : null;
        if (modelPath is not null && File.Exists(modelPath))
        {
            stages.Add(new NerStage(NerModel.Load(modelPath)));
            stages.Add(LinkingStage.CreateDefault());
        }
        else
        {
            omitted.Add($"{NerStage.StageId} and link.kb.v1: no NER model at models/{NerModelFile}");
        }
        stages.Add(new TimeStage());
        // Why this order: quotes read entities and links when present; events read times, entities and quotes.
        stages.Add(new QuoteStage());
        stages.Add(new EventStage());
        return (Pipeline.Build(stages), omitted);
    }

    /// <summary>The folder with shipped models: <c>DEPESCHE_MODELS</c>, else <c>models/</c> beside the binary or above it.</summary>
    public static string? ModelsDirectory()
    {
        var env = Environment.GetEnvironmentVariable("DEPESCHE_MODELS");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
