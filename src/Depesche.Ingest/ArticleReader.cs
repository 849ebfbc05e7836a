using System.Text;
using Depesche.Core;

namespace Depesche.Ingest;

/// <summary>The kind of input a reader expects; <see cref="Auto"/> decides by file extension, then by content.</summary>
public enum InputFormat
{
    Auto,
    /// <summary>Agency wire text (plain text, one article per file).</summary>
    Wire,
    /// <summary>JSON Lines, one article object per line.</summary>
    Jsonl,
    /// <summary>RSS 2.0, RSS 1.0 or Atom.</summary>
    Feed,
    /// <summary>An HTML article page.</summary>
    Html,
    /// <summary>CSV or TSV, one article per record (delimiter, quote and header sniffed).</summary>
    Csv,
}

/// <summary>
/// The entry point of ingestion: files, folders and streams in, one <see cref="ReadResult"/> per article or refused item out.
/// </summary>
/// <remarks>
/// Bad data never throws: it becomes a <see cref="Rejection"/> naming the file, line or byte. Results are lazy and
/// streamed (a JSONL file of any size is read line by line); enumerate them once. Thread-safe: no shared state.
/// Programmer errors (null arguments) throw <see cref="ArgumentNullException"/>.
/// </remarks>
public static class ArticleReader
{
    private const int SniffBytes = 1024;

    /// <summary>
    /// Reads a file, or every file under a folder (recursively, in ordinal order of relative path, skipping hidden files
    /// and folders). <c>-</c> reads standard input. A path that does not exist yields one Unreadable rejection.
    /// </summary>
    public static IEnumerable<ReadResult> ReadPath(string path, InputFormat format = InputFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "-") return ReadStdin(format);
        if (Directory.Exists(path)) return ReadFolder(path, format);
        if (File.Exists(path)) return ReadFile(path, format);
        return [ReadResult.Fail(RejectionCode.Unreadable, "no such file or folder", new SourceLocation(path))];
    }

    /// <summary>
    /// Reads one stream named <paramref name="name"/> (used in every location; <c>-</c> for standard input).
    /// The stream is read forward only and not disposed.
    /// </summary>
    public static IEnumerable<ReadResult> ReadStream(Stream s, string name, InputFormat format = InputFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(name);
        return ReadStreamCore(s, name, format);
    }

    private static IEnumerable<ReadResult> ReadStdin(InputFormat format)
    {
        using var stdin = Console.OpenStandardInput();
        foreach (var r in ReadStreamCore(stdin, "-", format)) yield return r;
    }

    private static IEnumerable<ReadResult> ReadFolder(string root, InputFormat format)
    {
        foreach (var file in EnumerateFiles(root))
            foreach (var r in ReadFile(file, format))
                yield return r;
    }

    /// <summary>Files under <paramref name="root"/>, sorted by relative path (ordinal), hidden files and folders skipped.</summary>
    internal static List<string> EnumerateFiles(string root)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(dir).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var entry in entries)
            {
                if (IsHidden(entry)) continue;
                if (Directory.Exists(entry)) pending.Push(entry);
                else files.Add(entry);
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(Path.GetRelativePath(root, a), Path.GetRelativePath(root, b)));
        return files;
    }

    private static bool IsHidden(string path)
    {
        if (Path.GetFileName(path).StartsWith('.')) return true;
        try
        {
            return (File.GetAttributes(path) & FileAttributes.Hidden) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static IEnumerable<ReadResult> ReadFile(string path, InputFormat format)
    {
        if (format == InputFormat.Auto) format = FormatFromExtension(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadResult.Fail(RejectionCode.Unreadable, "cannot open the file: " + e.Message, new SourceLocation(path))];
        }
        return ReadOwned(stream, path, format);
    }

    private static IEnumerable<ReadResult> ReadOwned(Stream stream, string name, InputFormat format)
    {
        using (stream)
            foreach (var r in ReadStreamCore(stream, name, format))
                yield return r;
    }

    private static IEnumerable<ReadResult> ReadStreamCore(Stream s, string name, InputFormat format)
    {
        if (format == InputFormat.Auto) format = FormatFromExtension(name);
        if (format == InputFormat.Auto)
        {
            var prefix = new byte[SniffBytes];
            var (n, error) = ReadAtMost(s, prefix);
            if (error is not null)
            {
                yield return ReadResult.Fail(RejectionCode.Unreadable, "cannot read: " + error.Message, new SourceLocation(name));
                yield break;
            }
            format = Sniff(prefix.AsSpan(0, n));
            s = new PrefixedStream(prefix.AsMemory(0, n), s);
        }
        switch (format)
        {
            case InputFormat.Jsonl when IsJsonLinesName(name):
                foreach (var r in JsonLinesReader.Read(s, name)) yield return r;
                break;
            case InputFormat.Jsonl:
                foreach (var r in JsonLinesReader.ReadDocumentOrLines(s, name)) yield return r;
                break;
            case InputFormat.Feed:
                foreach (var r in FeedReader.Read(s, name)) yield return r;
                break;
            case InputFormat.Csv:
                foreach (var r in CsvArticleReader.Read(s, name, tabs: name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))) yield return r;
                break;
            default:
                yield return ReadWhole(s, name, html: format == InputFormat.Html);
                break;
        }
    }

    private static ReadResult ReadWhole(Stream s, string name, bool html)
    {
        var at = new SourceLocation(name);
        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = s.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                // Why: stop reading at the limit instead of loading a huge file whole.
                if (buffer.Length > Limits.MaxDocumentBytes) return ReadResult.Fail(Limits.TooLarge(at, buffer.Length));
            }
            bytes = buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Fail(RejectionCode.Unreadable, "cannot read: " + e.Message, at);
        }

        var decoded = TextDecoder.Decode(bytes, at);
        if (decoded.Rejection is { } rejection) return ReadResult.Fail(rejection);
        var text = decoded.Text!;
        if (html) return HtmlArticleReader.Read(text, at);
        if (text.Length > Limits.MaxTextChars) return ReadResult.Fail(Limits.TooLarge(at, text.Length));
        return ReadResult.Ok(WireTextParser.Parse(text, at));
    }

    /// <summary>
    /// Named as JSON Lines, or standard input: read line by line however it starts. Why stdin: a pipe must stream, not
    /// wait for 24 MB to see whether it is one document.
    /// </summary>
    private static bool IsJsonLinesName(string name) => name == "-" ||
        name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    internal static InputFormat FormatFromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" or ".json" => InputFormat.Jsonl,
        ".xml" or ".rss" or ".atom" => InputFormat.Feed,
        ".html" or ".htm" or ".xhtml" => InputFormat.Html,
        ".csv" or ".tsv" => InputFormat.Csv,
        _ => InputFormat.Auto,
    };

    /// <summary>The format of content from its first bytes: feeds and HTML by their opening tag, JSONL by <c>{</c>, else wire text.</summary>
    internal static InputFormat Sniff(ReadOnlySpan<byte> prefix)
    {
        string head;
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) head = Encoding.Unicode.GetString(prefix[2..(prefix.Length & ~1)]);
        else if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) head = Encoding.BigEndianUnicode.GetString(prefix[2..(prefix.Length & ~1)]);
        else if (prefix.Length >= 4 && prefix[1] == 0 && prefix[3] == 0) head = Encoding.Unicode.GetString(prefix[..(prefix.Length & ~1)]);
        else if (prefix.Length >= 4 && prefix[0] == 0 && prefix[2] == 0) head = Encoding.BigEndianUnicode.GetString(prefix[..(prefix.Length & ~1)]);
        else head = Encoding.UTF8.GetString(prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? prefix[3..] : prefix);

        var t = head.TrimStart();
        if (t.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            if (t.Contains("<html", StringComparison.OrdinalIgnoreCase) && !t.Contains("<rss", StringComparison.Ordinal) && !t.Contains("<feed", StringComparison.Ordinal))
                return InputFormat.Html;
            return InputFormat.Feed;
        }
        if (t.StartsWith("<rss", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<feed", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<rdf:RDF", StringComparison.OrdinalIgnoreCase))
            return InputFormat.Feed;
        if (t.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("<head", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<body", StringComparison.OrdinalIgnoreCase))
            return InputFormat.Html;
        if (t.StartsWith('{') || (t.StartsWith('[') && t[1..].TrimStart().StartsWith('{'))) return InputFormat.Jsonl;
        return InputFormat.Wire;
    }

    private static (int Count, Exception? Error) ReadAtMost(Stream s, byte[] buffer)
    {
        var total = 0;
        try
        {
            int n;
            while (total < buffer.Length && (n = s.Read(buffer, total, buffer.Length - total)) > 0) total += n;
            return (total, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (total, e);
        }
    }
}
