using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Depesche.Cli.Bench;

/// <summary>One system's figures: medians over the timed runs, with their relative spread.</summary>
public sealed record BenchFigures
{
    public required string Name { get; init; }
    public required int Articles { get; init; }
    public required long Words { get; init; }
    public required long Bytes { get; init; }
    public required long Units { get; init; }
    public required string UnitName { get; init; }
    public required int Runs { get; init; }
    public required double MedianSeconds { get; init; }
    /// <summary>(slowest − fastest) / median run time.</summary>
    public required double Spread { get; init; }
    public required double AllocatedBytesPerArticle { get; init; }
    public required double PeakRssMb { get; init; }
    /// <summary>Tokens processed per pass, where the unit is something else (entities); null = not counted.</summary>
    public long? Tokens { get; init; }
    /// <summary>CPU seconds (all threads) of one pass, where measured; the per-core figure when the machine is shared.</summary>
    public double? CpuSeconds { get; init; }

    /// <summary>
    /// Median CPU seconds of the measuring thread per pass (Linux, <c>CLOCK_THREAD_CPUTIME_ID</c>); null elsewhere.
    /// Why: on a shared machine the wall clock also counts time the thread waited for a core; CPU time does not.
    /// </summary>
    public double? ThreadCpuSeconds { get; init; }

    public double ArticlesPerSecond => Articles / MedianSeconds;
    public double? ArticlesPerCpuSecond => ThreadCpuSeconds is > 0 and var c ? Articles / c : null;
    public double WordsPerSecond => Words / MedianSeconds;
    public double MegabytesPerSecond => Bytes / 1e6 / MedianSeconds;
    public double UnitsPerSecond => Units / MedianSeconds;

    public void WriteJson(Utf8JsonWriter w)
    {
        w.WriteString("name", Name);
        w.WriteNumber("articles", Articles);
        w.WriteNumber("words", Words);
        w.WriteNumber("bytes", Bytes);
        w.WriteNumber("runs", Runs);
        w.WriteNumber("medianSeconds", Math.Round(MedianSeconds, 6));
        w.WriteNumber("spread", Math.Round(Spread, 4));
        w.WriteNumber("articlesPerSecond", Math.Round(ArticlesPerSecond, 1));
        w.WriteNumber("wordsPerSecond", Math.Round(WordsPerSecond, 0));
        w.WriteNumber("megabytesPerSecond", Math.Round(MegabytesPerSecond, 2));
        w.WriteNumber(UnitName + "PerSecond", Math.Round(UnitsPerSecond, 0));
        if (Tokens is { } t && UnitName != "tokens")
        {
            w.WriteNumber("tokens", t);
            w.WriteNumber("tokensPerSecond", Math.Round(t / MedianSeconds, 0));
            if (CpuSeconds is { } cpu) w.WriteNumber("tokensPerCpuSecond", Math.Round(t / cpu, 0));
        }
        if (CpuSeconds is { } c) w.WriteNumber("cpuSeconds", Math.Round(c, 4));
        if (ThreadCpuSeconds is { } tc && ArticlesPerCpuSecond is { } apc)
        {
            w.WriteNumber("threadCpuSeconds", Math.Round(tc, 6));
            w.WriteNumber("articlesPerCpuSecond", Math.Round(apc, 1));
        }
        w.WriteNumber("allocatedBytesPerArticle", Math.Round(AllocatedBytesPerArticle, 0));
        w.WriteNumber("peakRssMb", Math.Round(PeakRssMb, 1));
    }
}

/// <summary>
/// Runs a workload once to warm up, then <c>runs</c> times timed, on the calling thread (so figures are per core).
/// </summary>
public static class Measure
{
    /// <param name="workload">Processes the whole corpus once and returns the number of units produced (tokens, mentions…).</param>
    public static BenchFigures Run(string name, string unitName, int articles, long words, long bytes, int runs, Func<long> workload)
    {
        var warm = Stopwatch.StartNew();
        long units = workload(); // warm-up: JIT, caches, model pages
        warm.Stop();
        // Why: a run shorter than ~0.5 s is dominated by timer and scheduler noise, so small corpora are repeated.
        int repeat = (int)Math.Clamp(Math.Ceiling(0.5 / Math.Max(warm.Elapsed.TotalSeconds, 1e-6)), 1, 1000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = new double[runs];
        var cpu = new double[runs];
        bool cpuOk = true;
        long allocated = 0;
        for (int r = 0; r < runs; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            double? c0 = ThreadCpu.Seconds();
            var sw = Stopwatch.StartNew();
            for (int k = 0; k < repeat; k++) units = workload();
            sw.Stop();
            double? c1 = ThreadCpu.Seconds();
            if (c0 is { } a && c1 is { } b) cpu[r] = (b - a) / repeat; else cpuOk = false;
            allocated += (GC.GetAllocatedBytesForCurrentThread() - before) / repeat;
            times[r] = sw.Elapsed.TotalSeconds / repeat;
        }
        Array.Sort(times);
        Array.Sort(cpu);
        double median = Median(times);
        return new BenchFigures
        {
            Name = name,
            Articles = articles,
            Words = words,
            Bytes = bytes,
            Units = units,
            UnitName = unitName,
            Runs = runs,
            MedianSeconds = median,
            Spread = (times[^1] - times[0]) / median,
            AllocatedBytesPerArticle = allocated / (double)runs / Math.Max(1, articles),
            PeakRssMb = PeakRssMb(),
            ThreadCpuSeconds = cpuOk ? Median(cpu) : null,
        };
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

    /// <summary>Peak resident set size of this process (VmHWM), in MB.</summary>
    public static double PeakRssMb()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return double.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException) { }
        return Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>Whitespace-separated words: the unit spaCy's published words/s uses, the same for every system.</summary>
    public static long CountWords(string text)
    {
        long n = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            bool ws = char.IsWhiteSpace(c);
            if (!ws && !inWord) n++;
            inWord = !ws;
        }
        return n;
    }
}

/// <summary>CPU time of the calling thread, from <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>; null where libc lacks it.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec ts);

    public static double? Seconds()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0 ? ts.Seconds + ts.Nanoseconds / 1e9 : null;
        }
        catch (DllNotFoundException) { return null; }
        catch (EntryPointNotFoundException) { return null; }
    }
}
