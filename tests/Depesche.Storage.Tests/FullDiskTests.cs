using System.Diagnostics;
using Xunit;

namespace Depesche.Storage.Tests;

/// <summary>
/// A small tmpfs (<c>mount -t tmpfs -o size=…</c>) as a disk that fills up. Needs the right to mount (root in CI);
/// elsewhere the test skips and says why. Every mount is unmounted in <see cref="Dispose"/>.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    public SmallDisk(string size)
    {
        Directory.CreateDirectory(Path);
        var (ok, error) = Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", Path);
        if (!ok)
        {
            Directory.Delete(Path);
            throw new InvalidOperationException("mount failed: " + error);
        }
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "depesche-fulldisk-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>Why a small disk cannot be had here, or null when it can (probed once with a real mount).</summary>
    public static string? SkipReason => Probe.Value;

    private static readonly Lazy<string?> Probe = new(() =>
    {
        if (!OperatingSystem.IsLinux()) return "a tmpfs needs Linux";
        try
        {
            new SmallDisk("64k").Dispose();
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return $"cannot mount a size-limited tmpfs here ({ex.Message.Trim()}); CI runs as root and can";
        }
    });

    private static (bool Ok, string Error) Run(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode == 0, err);
    }

    public void Dispose()
    {
        // Why: a handle the failed index write left for the finaliser keeps the mount busy; a lazy unmount detaches it anyway.
        if (!Run("umount", Path).Ok) Run("umount", "-l", Path);
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}

public sealed class FullDiskFactAttribute : FactAttribute
{
    public FullDiskFactAttribute()
    {
        if (SmallDisk.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A disk that fills up during an ingest: a clear error naming the folder, and nothing committed is lost.</summary>
public sealed class FullDiskTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static IEnumerable<Core.Analysis> Large(int n)
    {
        // Why: long distinct bodies fill the disk in a few dozen batches instead of thousands.
        foreach (var a in TestArticles.Generate(n, seed: 11))
        {
            var body = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"Absatz {i} der Meldung {a.Article.Id} mit weiteren Einzelheiten zur Lage."));
            yield return TestArticles.Wire("Lagebericht " + a.Article.Id, body, date: "2025-06-01", file: "full.txt");
        }
    }

    [FullDiskFact]
    public void A_full_disk_gives_a_clear_error_naming_the_folder_and_keeps_every_committed_batch()
    {
        using var disk = new SmallDisk("3m");
        var folder = Path.Combine(disk.Path, "store");
        var committed = new List<string>();
        StoreException? error = null;
        var store = ArticleStore.Open(folder);
        try
        {
            foreach (var chunk in Large(5000).Chunk(20))
            {
                try
                {
                    var r = store.Write(new IngestBatch { Analyses = chunk });
                    committed.AddRange(r.Articles.Select(a => a.Id));
                }
                catch (StoreException ex)
                {
                    error = ex;
                    break;
                }
            }
        }
        finally
        {
            // Why: disposing commits the Lucene index, which may find the disk full too; that must not hide the test's result.
            try { store.Dispose(); }
            catch (Exception ex) when (ex is StoreException or IOException) { }
        }

        Assert.NotNull(error);
        output.WriteLine($"after {committed.Count} articles: {error.Message}");
        Assert.Contains(folder, error.Message, StringComparison.Ordinal);
        Assert.Matches("(?i)full|no space", error.Message);
        Assert.NotEmpty(committed);

        // What was committed before the disk filled is all there, read where it lies.
        long stored;
        using (var ro = ArticleStore.Open(folder, new StoreOptions { ReadOnly = true }))
        {
            // Why: the failing batch may have committed in SQLite before the index write hit the full disk; never fewer.
            stored = ro.Counts().Articles;
            Assert.InRange(stored, committed.Count, committed.Count + 20);
            foreach (var id in committed) Assert.NotNull(ro.Get(id));
        }

        // And it is whole: copied to a disk with room, the store opens for writing, its index catches up, and it takes more.
        using var room = new TempFolder();
        CopyTree(folder, room.Path);
        using var moved = ArticleStore.Open(room.Path);
        Assert.Equal(stored, moved.Search(new SearchQuery { Text = "Lagebericht", Limit = 1 }).Total);
        Assert.Equal(PutOutcome.Added, moved.Put(TestArticles.Gaza()).Outcome);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }
}
