using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Depesche.Core;

namespace Depesche.Storage;

/// <summary>Throughput of an ingest into a store.</summary>
/// <remarks>
/// <see cref="CpuSeconds"/> is the process's CPU time during the ingest: on a shared machine, articles per CPU-second is
/// the figure that does not depend on the load. <see cref="WriterCpuSeconds"/> is the CPU time of the one writing
/// thread (SQLite, Lucene, linking and clustering decisions); the analysis threads have the rest. As long as the writer
/// needs less than a core, more analysis threads can raise the rate; once it needs a whole core, it sets the ceiling.
/// </remarks>
public sealed record IngestFigures(int Articles, double Seconds, double CpuSeconds, double PeakRssMb, long StoreBytes, double WriterCpuSeconds = 0)
{
    public double ArticlesPerSecond => Articles / Math.Max(Seconds, 1e-9);
    public double ArticlesPerCpuSecond => Articles / Math.Max(CpuSeconds, 1e-9);
}

/// <summary>Search latency over a set of queries, run several times after a warm-up.</summary>
public sealed record SearchFigures(int Queries, int Runs, double P50Ms, double P95Ms, double MaxMs, double MeanHits, double PeakRssMb);

/// <summary>
/// Store benchmarks that <c>depesche bench ingest</c> and <c>bench search</c> call: a corpus synthesised by
/// recombining sentences of real articles (streamed, so memory stays bounded however many are asked for), ingest
/// throughput, search latency percentiles and peak RSS (<c>VmHWM</c>).
/// </summary>
public static partial class StoreBenchmark
{
    private static readonly string[] Agencies = ["dpa", "Reuters", "AFP", "KNA", "epd", "dpa-AFX"];
    private static readonly string[] Places = ["BERLIN", "HAMBURG", "MÜNCHEN", "KÖLN", "FRANKFURT", "WIEN", "ZÜRICH", "BRÜSSEL", "PARIS", "WASHINGTON", "KIEW", "MOSKAU"];

    /// <summary>Splits texts into sentences of 30–400 characters, the material <see cref="Synthesize"/> recombines.</summary>
    public static List<string> Sentences(IEnumerable<string> texts)
    {
        var list = new List<string>();
        foreach (var t in texts)
            foreach (var s in SentenceBreak().Split(t))
            {
                var trimmed = s.Trim();
                if (trimmed.Length is >= 30 and <= 400) list.Add(trimmed);
            }
        return list;
    }

    /// <summary>
    /// <paramref name="count"/> wire-style articles of 4–12 sentences drawn from <paramref name="sentences"/>, with a
    /// dateline, agency, date and headline; deterministic for a seed. Lazily generated.
    /// </summary>
    public static IEnumerable<Article> Synthesize(IReadOnlyList<string> sentences, int count, int seed = 1)
    {
        if (sentences.Count == 0) throw new ArgumentException("no sentences to recombine", nameof(sentences));
        var rng = new Random(seed);
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < count; i++)
        {
            sb.Clear();
            var first = sentences[rng.Next(sentences.Count)];
            var words = first.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var headline = string.Join(' ', words.Take(Math.Min(words.Length, 8))).TrimEnd('.', ',', ':');
            var place = Places[rng.Next(Places.Length)];
            var agency = Agencies[rng.Next(Agencies.Length)];
            sb.Append(headline).Append("\n\n");
            int datelineStart = sb.Length;
            sb.Append(place).Append(" (").Append(agency).Append(") - ");
            int bodyStart = sb.Length;
            sb.Append(first);
            int n = 3 + rng.Next(9);
            for (int k = 0; k < n; k++) sb.Append(' ').Append(sentences[rng.Next(sentences.Count)]);
            var text = sb.ToString();
            yield return new Article
            {
                Id = Article.IdFromText(text),
                Text = text,
                Headline = new TextRange(0, headline.Length),
                DatelineRange = new TextRange(datelineStart, bodyStart - 1),
                Body = new TextRange(bodyStart, text.Length),
                Source = new ArticleSource
                {
                    Agency = agency,
                    Published = new PublicationTime(new DateOnly(2020, 1, 1).AddDays(rng.Next(2000))),
                    Datelines = [new Dateline(place, new TextRange(datelineStart, datelineStart + place.Length))],
                },
                Origin = new SourceLocation("synthetic", i + 1),
            };
        }
    }

    /// <summary>Queries drawn from the sentences: single words, two-word AND queries and two-word phrases.</summary>
    public static List<string> Queries(IReadOnlyList<string> sentences, int count, int seed = 2)
    {
        var rng = new Random(seed);
        var queries = new List<string>(count);
        while (queries.Count < count)
        {
            var words = WordPattern().Matches(sentences[rng.Next(sentences.Count)]).Select(m => m.Value).Where(w => w.Length >= 5).ToList();
            if (words.Count < 2) continue;
            int i = rng.Next(words.Count - 1);
            queries.Add((queries.Count % 3) switch
            {
                0 => words[i],
                1 => words[i] + " " + words[i + 1],
                _ => $"\"{words[i]} {words[i + 1]}\"",
            });
        }
        return queries;
    }

    /// <summary>Ingests in batches and measures wall time (analysis and the final index commit included) and peak RSS. Disposes <paramref name="store"/>.</summary>
    public static IngestFigures Ingest(IArticleStore store, IEnumerable<Article> articles, Func<Article, Analysis>? analyse = null, int batchSize = 256, int workers = 1)
    {
        analyse ??= a => new Analysis(a);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var writerCpu = ThreadCpuSeconds();
        var clock = Stopwatch.StartNew();
        var ingestor = new Ingestor(store, analyse, batchSize, workers);
        var summary = ingestor.Run([new IngestSource("bench", null, () => articles.Select(ReadResult.Ok))]);
        store.Dispose();
        clock.Stop();
        writerCpu = ThreadCpuSeconds() - writerCpu;
        long bytes = Directory.Exists(store.Location)
            ? new DirectoryInfo(store.Location).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
            : 0;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new IngestFigures((int)summary.Read, Math.Round(clock.Elapsed.TotalSeconds, 2), Math.Round(cpuSeconds, 2), PeakRssMb(), bytes,
            double.IsNaN(writerCpu) ? 0 : Math.Round(writerCpu, 2));
    }

    /// <summary>
    /// The calling thread's CPU time in seconds (user + system, from <c>/proc/thread-self/stat</c>, in the 1/100 s
    /// ticks that Linux reports there); NaN where that file does not exist. The ingest's writer is the calling thread.
    /// </summary>
    public static double ThreadCpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/thread-self/stat");
            // Why after the last ')': the thread's name, in parentheses, may itself hold spaces and parentheses.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of stat(5) (utime, stime) are the 12th and 13th after the name.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return double.NaN;
    }

    /// <summary>Runs every query once to warm up, then <paramref name="runs"/> times, and reports latency percentiles.</summary>
    public static SearchFigures Search(IArticleStore store, IReadOnlyList<string> queries, int runs = 3, int limit = 20)
    {
        foreach (var q in queries) store.Search(new SearchQuery { Text = q, Limit = limit });
        var times = new List<double>(queries.Count * runs);
        long hits = 0;
        for (int r = 0; r < runs; r++)
        {
            foreach (var q in queries)
            {
                var t = Stopwatch.GetTimestamp();
                var res = store.Search(new SearchQuery { Text = q, Limit = limit });
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                hits += res.Total;
            }
        }
        times.Sort();
        return new SearchFigures(queries.Count, runs, Percentile(times, 0.50), Percentile(times, 0.95), Math.Round(times[^1], 2), (double)hits / times.Count, PeakRssMb());
    }

    private static double Percentile(List<double> sorted, double p) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 2);

    /// <summary>The process's peak resident set size in MB (<c>VmHWM</c> on Linux; the working set elsewhere).</summary>
    public static double PeakRssMb()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return Math.Round(long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0, 1);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1);
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-ZÄÖÜ„""])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();
}
