using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Depesche.Core;
using Depesche.Ingest;

namespace Depesche.Cli.Bench;

/// <summary>
/// Loads benchmark text: the Wikinews SpkAtt folder (token lists re-joined into text, dated by file name),
/// the 10kGNAD CSV (<c>label;'text'</c>), or anything the article readers accept.
/// </summary>
public static partial class BenchCorpus
{
    public static List<Article> Load(IReadOnlyList<string> paths, int limit = int.MaxValue)
    {
        var articles = new List<Article>();
        foreach (var path in paths)
        {
            foreach (var a in LoadOne(path))
            {
                articles.Add(a);
                if (articles.Count >= limit) return articles;
            }
        }
        return articles;
    }

    private static IEnumerable<Article> LoadOne(string path)
    {
        if (Directory.Exists(path) && Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Any(IsSpkAtt))
        {
            foreach (var f in Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Where(IsSpkAtt).Order(StringComparer.Ordinal))
                foreach (var a in FromSpkAtt(f)) yield return a;
            yield break;
        }
        if (File.Exists(path) && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var a in From10kGnad(path)) yield return a;
            yield break;
        }
        if (Directory.Exists(path) && Directory.EnumerateFiles(path, "*.csv", SearchOption.TopDirectoryOnly).Any())
        {
            foreach (var f in Directory.EnumerateFiles(path, "*.csv").Order(StringComparer.Ordinal))
                foreach (var a in From10kGnad(f)) yield return a;
            yield break;
        }
        foreach (var r in ArticleReader.ReadPath(path))
            if (r.Article is { } a) yield return a;
    }

    // Why: the -pretty copies hold the same documents; reading both would count every article twice.
    private static bool IsSpkAtt(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}task2{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    // Why the ingest reader: the benchmarks measure the articles that `depesche ingest` of the same folder stores.
    private static IEnumerable<Article> FromSpkAtt(string file)
    {
        foreach (var r in ArticleReader.ReadPath(file))
            if (r.Article is { } a) yield return a;
    }

    private static IEnumerable<Article> From10kGnad(string file)
    {
        long line = 0;
        foreach (var raw in File.ReadLines(file))
        {
            line++;
            int sep = raw.IndexOf(';');
            if (sep < 0) continue;
            var body = raw[(sep + 1)..].Trim();
            if (body.Length >= 2 && body[0] == '\'' && body[^1] == '\'') body = body[1..^1].Replace("''", "'");
            if (body.Length == 0) continue;
            yield return new Article
            {
                Id = Article.IdFromText(body),
                Text = body,
                Body = new TextRange(0, body.Length),
                Origin = new SourceLocation(file, line),
            };
        }
    }
}
