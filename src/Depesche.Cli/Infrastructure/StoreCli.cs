using System.CommandLine;
using System.Net;
using Depesche.Core;
using Depesche.Ingest;
using Depesche.Storage;

namespace Depesche.Cli.Infrastructure;

/// <summary>What every verb that reads or writes the store shares: <c>--store</c>, opening with clear errors, input sources.</summary>
public static class StoreCli
{
    public static Option<string> StoreOption() => new("--store")
    {
        Description = "The store: a folder (embedded SQLite + Lucene, default ./depesche-data) or a PostgreSQL connection string \"Host=…;Database=…\".",
        DefaultValueFactory = _ => ArticleStore.DefaultFolder,
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "Print JSON instead of a table." };

    /// <summary>Opens the store; a store that cannot be opened is an I/O error naming the folder or server.</summary>
    public static IArticleStore Open(string location, bool readOnly = false)
    {
        try
        {
            return ArticleStore.Open(location, new StoreOptions { ReadOnly = readOnly });
        }
        catch (StoreException ex)
        {
            throw new CliException(ex.Message, ExitCodes.IoError);
        }
    }

    /// <summary>One resumable source per path; <c>-</c> is standard input (never resumed: it has no fingerprint).</summary>
    public static IEnumerable<IngestSource> Sources(IReadOnlyList<string> paths, InputFormat format, CliConsole console)
    {
        if (paths.Count == 0) paths = ["-"];
        foreach (var path in paths)
        {
            if (path == "-")
            {
                yield return new IngestSource("-", null, () => ReadStdin(format, console));
                continue;
            }
            yield return new IngestSource(Path.GetFullPath(path), IngestSource.FingerprintOf(path), () => ArticleReader.ReadPath(path, format));
        }
    }

    private static IEnumerable<ReadResult> ReadStdin(InputFormat format, CliConsole console)
    {
        using var stdin = console.OpenStdin();
        foreach (var r in ArticleReader.ReadStream(stdin, "-", format)) yield return r;
    }

    /// <summary>A snippet for the terminal: entities decoded, matches in bold on a terminal and in [brackets] otherwise.</summary>
    public static string PlainSnippet(string html, bool terminal)
    {
        var (open, close) = terminal ? ("\u001b[1m", "\u001b[0m") : ("[", "]");
        var marked = html.Replace("<em>", "\u0001", StringComparison.Ordinal).Replace("</em>", "\u0002", StringComparison.Ordinal);
        var text = new string(WebUtility.HtmlDecode(marked).Select(c => c is '\u0001' or '\u0002' || !char.IsControl(c) ? c : ' ').ToArray());
        return text.Replace("\u0001", open, StringComparison.Ordinal).Replace("\u0002", close, StringComparison.Ordinal);
    }
}
