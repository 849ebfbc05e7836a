using Xunit;

namespace Depesche.Testing;

/// <summary>
/// Finds the public data folder <c>../shared</c> beside the checkout. A newcomer's clone has none, so tests that
/// need it skip with a stated reason; CI always has it, so there they run.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>The <c>shared</c> folder, or null. <c>DEPESCHE_SHARED</c> overrides the search.</summary>
    public static string? Path => Root.Value;

    public static string? Data(string relative) =>
        Path is { } root && (File.Exists(System.IO.Path.Combine(root, relative)) || Directory.Exists(System.IO.Path.Combine(root, relative)))
            ? System.IO.Path.Combine(root, relative)
            : null;

    public static string Require(string relative) =>
        Data(relative) ?? throw new InvalidOperationException($"shared data '{relative}' is missing; the test should have been skipped");

    /// <summary>The repository root (the folder holding Depesche.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Depesche.sln"))) return dir.FullName;
            throw new InvalidOperationException("Depesche.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("DEPESCHE_SHARED");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Depesche.sln")))
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "..", "shared");
                return Directory.Exists(candidate) ? System.IO.Path.GetFullPath(candidate) : null;
            }
        }
        return null;
    }
}

/// <summary>A fact that runs only when <c>../shared/{relative}</c> exists, and otherwise skips saying so.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relative)
    {
        if (SharedData.Data(relative) is null)
            Skip = $"needs ../shared/{relative}, which this checkout does not have (CI always has it)";
    }
}

/// <summary>A theory that runs only when <c>../shared/{relative}</c> exists.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(string relative)
    {
        if (SharedData.Data(relative) is null)
            Skip = $"needs ../shared/{relative}, which this checkout does not have (CI always has it)";
    }
}
