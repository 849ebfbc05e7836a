using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Depesche.Cli.Infrastructure;
using Depesche.Core;

namespace Depesche.Cli.Bench;

/// <summary>
/// Runs Apache OpenNLP's name finder (Debian <c>opennlp</c>) over the same sentences Depesche's NER stage tags, in the
/// same run: our tokens, one sentence per line, a blank line (OpenNLP's document boundary) after each article. Timing
/// is OpenNLP's own <c>Runtime</c>, which starts after the model is loaded, so JVM start and model load are excluded
/// as our model load is; peak RSS is the JVM's, from <c>/usr/bin/time</c>.
/// </summary>
public static partial class OpenNlpPeer
{
    /// <summary>The model bench/opennlp-peer trains on fold 1 of the shipped recipe's data (GermEval ×4 + SmartData).</summary>
    public static string DefaultModel => Path.Combine(RepoPaths.Root(), "bench", "out", "opennlp-peer", "fold-1", "opennlp-full.bin");

    /// <summary>Where bench/opennlp-peer writes its accuracy and speed comparison on the GermEval folds.</summary>
    public static string ResultFile => Path.Combine(RepoPaths.Root(), "bench", "out", "opennlp-peer.json");

    [GeneratedRegex(@"^Runtime:\s*([0-9.]+)s", RegexOptions.Multiline)]
    private static partial Regex RuntimeLine();

    [GeneratedRegex(@"peakRssKb=([0-9]+)")]
    private static partial Regex RssLine();

    [GeneratedRegex(@"cpu=([0-9.]+)\+([0-9.]+)")]
    private static partial Regex CpuLine();

    public static BenchFigures Run(IReadOnlyList<Analysis> inputs, long words, long bytes, int runs, string model)
    {
        if (!File.Exists(model)) throw new CliException($"no OpenNLP model at {model}; run bench/opennlp-peer first or pass --peer-model", ExitCodes.IoError);
        if (!File.Exists("/usr/bin/time")) throw new CliException("/usr/bin/time is missing (Debian package 'time'); it measures the peer's peak RSS", ExitCodes.IoError);
        var work = Directory.CreateTempSubdirectory("depesche-opennlp-");
        try
        {
            var input = Path.Combine(work.FullName, "in.txt");
            long tokens = WriteInput(inputs, input);
            var times = new double[runs];
            var cpu = new double[runs];
            long entities = 0;
            double rss = 0;
            var empty = Path.Combine(work.FullName, "empty.txt");
            File.WriteAllText(empty, "");
            // JVM start and model load cost CPU too; a run on empty input measures them, to be subtracted.
            var (_, _, baseCpu) = RunOnce(model, empty, Path.Combine(work.FullName, "base.txt"), Path.Combine(work.FullName, "rss.txt"));
            for (int r = 0; r < runs; r++)
            {
                var output = Path.Combine(work.FullName, "out.txt");
                var (seconds, peakKb, cpuSeconds) = RunOnce(model, input, output, Path.Combine(work.FullName, "rss.txt"));
                times[r] = seconds;
                cpu[r] = Math.Max(1e-6, cpuSeconds - baseCpu);
                rss = Math.Max(rss, peakKb / 1024.0);
                if (r == 0) entities = CountNames(output);
            }
            Array.Sort(cpu);
            Array.Sort(times);
            double median = runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
            return new BenchFigures
            {
                Name = "opennlp",
                Articles = inputs.Count,
                Words = words,
                Bytes = bytes,
                Units = entities,
                UnitName = "entities",
                Runs = runs,
                MedianSeconds = median,
                Spread = (times[^1] - times[0]) / median,
                AllocatedBytesPerArticle = 0, // a JVM: not measured
                PeakRssMb = rss,
                Tokens = tokens,
                CpuSeconds = runs % 2 == 1 ? cpu[runs / 2] : (cpu[runs / 2 - 1] + cpu[runs / 2]) / 2,
            };
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static long WriteInput(IReadOnlyList<Analysis> inputs, string path)
    {
        long n = 0;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        var sb = new StringBuilder();
        foreach (var a in inputs)
        {
            var tokens = a.Tokens;
            foreach (var s in a.Sentences)
            {
                var span = s.Tokens;
                if (span.Count == 0) continue;
                sb.Clear();
                for (int i = span.First; i < span.End; i++)
                {
                    if (i > span.First) sb.Append(' ');
                    // Why: OpenNLP splits lines on whitespace; a token holding some would become two.
                    foreach (var c in tokens.Text.AsSpan(tokens.Starts[i], tokens.Ends[i] - tokens.Starts[i])) sb.Append(char.IsWhiteSpace(c) ? '_' : c);
                }
                n += span.Count;
                w.Write(sb);
                w.Write('\n');
            }
            w.Write('\n');
        }
        return n;
    }

    private static (double Seconds, long PeakKb, double CpuSeconds) RunOnce(string model, string input, string output, string rssFile)
    {
        var psi = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-f", "peakRssKb=%M cpu=%U+%S", "-o", rssFile, "opennlp", "TokenNameFinder", model }) psi.ArgumentList.Add(a);
        Process p;
        try { p = Process.Start(psi) ?? throw new CliException("could not start opennlp", ExitCodes.IoError); }
        catch (System.ComponentModel.Win32Exception ex) { throw new CliException("could not start opennlp: " + ex.Message + " (run bench/opennlp-peer to install it)", ExitCodes.IoError); }
        using (p)
        {
            var stderr = p.StandardError.ReadToEndAsync();
            var copyOut = Task.Run(() => { using var o = File.Create(output); p.StandardOutput.BaseStream.CopyTo(o); });
            using (var i = File.OpenRead(input)) i.CopyTo(p.StandardInput.BaseStream);
            p.StandardInput.Close();
            copyOut.Wait();
            p.WaitForExit();
            var err = stderr.Result;
            if (p.ExitCode != 0) throw new CliException($"opennlp exited with {p.ExitCode}: {Tail(err)}", ExitCodes.IoError);
            var m = RuntimeLine().Match(err);
            if (!m.Success) throw new CliException("opennlp printed no 'Runtime:' line: " + Tail(err), ExitCodes.IoError);
            var timeOut = File.Exists(rssFile) ? File.ReadAllText(rssFile) : "";
            var rss = RssLine().Match(timeOut);
            var cpu = CpuLine().Match(timeOut);
            if (!rss.Success || !cpu.Success) throw new CliException("/usr/bin/time reported no RSS or CPU time: " + Tail(timeOut), ExitCodes.IoError);
            return (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(rss.Groups[1].Value, CultureInfo.InvariantCulture),
                double.Parse(cpu.Groups[1].Value, CultureInfo.InvariantCulture) + double.Parse(cpu.Groups[2].Value, CultureInfo.InvariantCulture));
        }
    }

    private static long CountNames(string output)
    {
        long n = 0;
        foreach (var line in File.ReadLines(output))
            for (int k = line.IndexOf("<START", StringComparison.Ordinal); k >= 0; k = line.IndexOf("<START", k + 6, StringComparison.Ordinal)) n++;
        return n;
    }

    private static string Tail(string s) => s.Length <= 400 ? s.Trim() : s[^400..].Trim();
}
