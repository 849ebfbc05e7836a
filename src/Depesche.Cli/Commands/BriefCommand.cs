using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Depesche.Briefing;
using Depesche.Cli.Infrastructure;
using Depesche.Storage;

namespace Depesche.Cli.Commands;

/// <summary>
/// <c>depesche brief</c>: the morning briefing over the store (<see cref="BriefBuilder"/>), as self-contained HTML,
/// Markdown, or PDF printed by headless Chromium from that HTML.
/// </summary>
public static partial class BriefCommand
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^(date \d{4}-\d{2}-\d{2}\s+)?([\p{Lu}/ .\-]{2,60}\s*\([^)]{1,40}\)\s*[-–]\s*)?")]
    private static partial System.Text.RegularExpressions.Regex WirePrefix();

    public static Command Create(CliConsole console)
    {
        var since = new Option<string>("--since") { Description = "Start of the window: a duration back from --now (24h, 3d) or a day/instant (yyyy-MM-dd, ISO 8601).", DefaultValueFactory = _ => "24h" };
        var now = AgendaCommand.NowOption();
        var watch = new Option<string?>("--watchlist") { Description = "Only items touching these entities: names or ids separated by commas, or a file with one per line." };
        var format = new Option<string>("--format") { Description = "html, md or pdf.", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "md", "pdf");
        var outFile = new Option<string?>("--out") { Description = "Write here instead of stdout (required for pdf)." };
        var linkBase = new Option<string>("--link-base") { Description = "Prefix of article links; the id is appended.", DefaultValueFactory = _ => BriefRenderer.DefaultLinkBase };
        var chromium = new Option<string?>("--chromium") { Description = "The Chromium binary for pdf (default: chromium on PATH)." };
        var store = StoreCli.StoreOption();
        var cmd = new Command("brief", "Write the briefing: stories that grew, status changes, most-cited quotes, upcoming agenda, entities above their usual level.")
            { since, now, watch, format, outFile, linkBase, chromium, store };
        cmd.SetAction(parse =>
        {
            var at = AgendaCommand.Now(parse.GetValue(now) is { } n && n.Length == 10 ? n + "T23:59:59Z" : parse.GetValue(now));
            var from = Since(parse.GetValue(since)!, at);
            var fmt = parse.GetValue(format)!;
            var path = parse.GetValue(outFile);
            if (fmt == "pdf" && path is null) throw new CliException("--format pdf needs --out FILE");
            using var s = StoreCli.Open(parse.GetValue(store)!, readOnly: true);
            var input = Load(s, console, from, at, Watchlist(parse.GetValue(watch)), out int bad);
            var brief = BriefBuilder.Build(input);
            var renderer = new BriefRenderer(parse.GetValue(linkBase)!);
            if (fmt == "pdf")
            {
                PrintPdf(renderer.Html(brief), Path.GetFullPath(path!), parse.GetValue(chromium));
                console.Error.WriteLine($"depesche: brief: wrote {path}");
            }
            else
            {
                var text = fmt == "md" ? renderer.Markdown(brief) : renderer.Html(brief);
                if (path is not null) File.WriteAllText(path, text, new UTF8Encoding(false));
                else
                {
                    using var stdout = console.OpenStdout();
                    stdout.Write(new UTF8Encoding(false).GetBytes(text));
                }
            }
            return bad == 0 ? ExitCodes.Ok : ExitCodes.SomeRejected;
        });
        return cmd;
    }

    internal static DateTimeOffset Since(string value, DateTimeOffset now)
    {
        if (value.Length >= 2 && (value[^1] is 'h' or 'd') && int.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return value[^1] == 'h' ? now.AddHours(-n) : now.AddDays(-n);
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            // Why: "since 2026-01-13" means from that day on; articles dated that day (midnight) count as new.
            return new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-1);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t.ToUniversalTime();
        throw new CliException($"--since '{value}' is neither a duration (24h, 3d) nor a date");
    }

    private static ImmutableArray<string> Watchlist(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        IEnumerable<string> items = File.Exists(value) ? File.ReadAllLines(value).Where(l => !l.TrimStart().StartsWith('#')) : value.Split(',');
        return [.. items.Select(x => x.Trim()).Where(x => x.Length > 0)];
    }

    /// <summary>Reads what the briefing needs from the store: articles, quotes, entity mentions, event claims.</summary>
    private static BriefInput Load(IArticleStore s, CliConsole console, DateTimeOffset since, DateTimeOffset now, ImmutableArray<string> watch, out int bad)
    {
        var articles = new List<BriefArticle>();
        var mentions = new List<BriefMention>();
        var claims = new List<Depesche.Events.DatedClaim>();
        bad = 0;
        // Why one pass: the store is read once for articles, mentions and event claims alike.
        foreach (var a in s.Export())
        {
            StoredClaims.AddDated(a, claims, console, "brief", ref bad);
            articles.Add(new BriefArticle(a.Id, Published(a), a.Agency ?? a.Outlet, a.Headline ?? FirstSentence(a.Text), a.StoryId));
            foreach (var g in a.Entities.GroupBy(e => e.EntityId ?? e.Text))
                mentions.Add(new BriefMention(a.Id, g.Key, g.First().Name ?? g.First().Text, g.Count()));
        }
        var fresh = articles.Where(a => a.Published is { } p && p > since && p <= now).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var quotes = new List<BriefQuote>();
        // Why: quotes come from the store's quote rows (speaker identity and chain resolved there), only for new articles.
        foreach (var id in fresh)
            foreach (var q in s.Quotes(new QuoteQuery { ArticleId = id, Limit = 1000 }).Quotes)
                quotes.Add(new BriefQuote(id, q.Index, q.Text, q.Speaker?.Name, q.Speaker?.EntityId, [.. q.Sources.Where(x => x.Kind != "speaker").Select(x => x.Name)]));
        return new BriefInput { Articles = articles, Mentions = mentions, Quotes = quotes, Claims = claims, Since = since, Now = now, Watchlist = watch };
    }

    private static DateTimeOffset? Published(StoredArticle a)
    {
        if (a.Published is { Length: > 10 } p && DateTimeOffset.TryParse(p, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t.ToUniversalTime();
        return a.PublishedDate is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
    }

    /// <summary>A headline for an article without one: its first sentence, after the wire's date line and dateline.</summary>
    private static string FirstSentence(string text)
    {
        var t = WirePrefix().Replace(text.Trim(), "");
        int dot = t.IndexOf(". ", StringComparison.Ordinal);
        var s = dot > 0 ? t[..(dot + 1)] : t;
        return s.Length > 140 ? s[..140] + "…" : s;
    }

    /// <summary>Prints HTML to PDF with Debian's headless Chromium: no network, a throwaway profile, a time limit.</summary>
    internal static void PrintPdf(string html, string pdfPath, string? chromium)
    {
        var exe = chromium ?? FindOnPath("chromium") ?? FindOnPath("chromium-browser")
            ?? throw new CliException("--format pdf needs Chromium (apt-get install chromium, or --chromium PATH)", ExitCodes.IoError);
        var tmp = Directory.CreateTempSubdirectory("depesche-brief-");
        try
        {
            var htmlPath = Path.Combine(tmp.FullName, "brief.html");
            File.WriteAllText(htmlPath, html, new UTF8Encoding(false));
            var psi = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-pdf-header-footer", "--user-data-dir=" + Path.Combine(tmp.FullName, "profile"),
                "--print-to-pdf=" + pdfPath, new Uri(htmlPath).AbsoluteUri,
            }) psi.ArgumentList.Add(arg);
            using var p = Process.Start(psi) ?? throw new CliException($"could not start {exe}", ExitCodes.IoError);
            var err = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                p.Kill(entireProcessTree: true);
                throw new CliException($"{exe} did not finish printing {pdfPath} within 120 s", ExitCodes.IoError);
            }
            if (p.ExitCode != 0 || !File.Exists(pdfPath))
                throw new CliException($"{exe} failed to print {pdfPath} (exit {p.ExitCode}): {Last(err.Result)}", ExitCodes.IoError);
        }
        finally
        {
            try { tmp.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Last(string s) => s.Length > 400 ? s[^400..] : s;

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
