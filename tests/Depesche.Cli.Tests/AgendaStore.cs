using Depesche.Storage;
using Depesche.Testing;
using Xunit;

namespace Depesche.Cli.Tests;

/// <summary>
/// One store for the agenda and briefing tests: our own wire-style articles (Fixtures/agenda, 2026-01-06 … 2026-01-14)
/// and, when ../shared is present, the seed (2025-12-18). Ingested once through the real CLI and pipeline.
/// </summary>
public sealed class AgendaStore : IDisposable
{
    public const string Seed = "seed/000_8f5e88549e4027cd.txt";

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "depesche-agenda-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>Article id by fixture file name (<c>30_warschau_gehalten</c>), and <c>seed</c> for the seed when present.</summary>
    public IReadOnlyDictionary<string, string> Ids { get; }

    public bool HasSeed { get; }

    public AgendaStore()
    {
        var fixtures = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "agenda");
        var args = new List<string> { "ingest", fixtures };
        var seed = SharedData.Data(Seed);
        HasSeed = seed is not null && File.Exists(seed);
        if (HasSeed) args.Add(seed!);
        args.AddRange(["--store", Path]);
        var r = CliRunner.Run([.. args]);
        if (r.ExitCode != 0) throw new InvalidOperationException("ingest failed: " + r.Stderr);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var s = ArticleStore.Open(Path, new StoreOptions { ReadOnly = true }))
            foreach (var a in s.Export())
            {
                var name = System.IO.Path.GetFileNameWithoutExtension(a.Origin.File ?? "");
                ids[name.StartsWith("000_", StringComparison.Ordinal) ? "seed" : name] = a.Id;
            }
        Ids = ids;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}

[CollectionDefinition("agenda-store")]
public sealed class AgendaStoreCollection : ICollectionFixture<AgendaStore>;
