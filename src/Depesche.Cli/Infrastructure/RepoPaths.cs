namespace Depesche.Cli.Infrastructure;

/// <summary>Finds the repository root and the shared data folder beside it, from the binary's location or the working directory.</summary>
public static class RepoPaths
{
    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Depesche.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    public static string? Shared()
    {
        var env = Environment.GetEnvironmentVariable("DEPESCHE_SHARED");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null;
        var candidate = Path.GetFullPath(Path.Combine(Root(), "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
