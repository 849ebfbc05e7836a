using System.CommandLine;
using Depesche.Core;
using Depesche.Ingest;

namespace Depesche.Cli.Infrastructure;

/// <summary>Turns the command line's inputs (files, folders, <c>-</c> for stdin) into a stream of read results.</summary>
public static class Inputs
{
    public static IEnumerable<ReadResult> Read(IReadOnlyList<string> paths, InputFormat format, CliConsole console)
    {
        if (paths.Count == 0) paths = ["-"];
        foreach (var path in paths)
        {
            if (path == "-")
            {
                using var stdin = console.OpenStdin();
                foreach (var r in ArticleReader.ReadStream(stdin, "-", format)) yield return r;
                continue;
            }
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                yield return ReadResult.Fail(RejectionCode.Unreadable, "no such file or folder", new SourceLocation(path));
                continue;
            }
            foreach (var r in ArticleReader.ReadPath(path, format)) yield return r;
        }
    }

    public static Option<InputFormat> FormatOption() => new("--input-format")
    {
        Description = "How to read the input: auto (by extension and content), wire, jsonl, feed (RSS/Atom), html or csv (CSV/TSV, one article per record).",
        DefaultValueFactory = _ => InputFormat.Auto,
    };
}
