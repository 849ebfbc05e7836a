using Depesche.Core;
using Depesche.Text;
using Depesche.Time;

namespace Depesche.Cli.Infrastructure;

/// <summary>
/// The one place where analysis stages are chosen and ordered. Stages whose model is missing are left out
/// and reported, never silently replaced.
/// </summary>
public static class PipelineFactory
{
    public static Pipeline Default() => Pipeline.Build(DefaultStages());

    public static IReadOnlyList<IStage> DefaultStages()
    {
        var stages = new List<IStage>
        {
            new TokenizerStage(),
            new TimeStage(),
        };
        return stages;
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
