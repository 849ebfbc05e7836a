using System.CommandLine;
using System.Text;
using Depesche.Cli.Infrastructure;

namespace Depesche.Cli.Commands;

/// <summary>
/// <c>depesche export</c>: every stored article as JSON Lines (the analysis JSON) or CSV (one row of metadata each);
/// <c>depesche export events</c>: the events of every stored article, one CSV row each (see <see cref="ExportEventsCommand"/>).
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "jsonl (the analysis JSON of each article) or csv (metadata).", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var store = StoreCli.StoreOption();
        var cmd = new Command("export", "Write every stored article to standard output, in storage order.") { format, store };
        cmd.Add(ExportEventsCommand.Create(console));
        cmd.SetAction(parse =>
        {
            using var s = StoreCli.Open(parse.GetValue(store)!, readOnly: true);
            using var stdout = console.OpenStdout();
            using var w = new StreamWriter(new BufferedStream(stdout, 1 << 16), new UTF8Encoding(false)) { NewLine = "\n" };
            bool csv = parse.GetValue(format) == "csv";
            if (csv) w.WriteLine("id,published,agency,outlet,url,headline,datelines,story_id,origin_file,origin_line,entities");
            foreach (var a in s.Export())
            {
                if (!csv) { w.WriteLine(a.AnalysisJson); continue; }
                w.WriteLine(string.Join(',', new[]
                {
                    a.Id, a.Published, a.Agency, a.Outlet, a.Url, a.Headline, string.Join('/', a.Datelines), a.StoryId, a.Origin.File,
                    a.Origin.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    string.Join("; ", a.Entities.Select(e => $"{e.Text}/{e.Type}")),
                }.Select(Csv)));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    // Why: RFC 4180 quoting; a leading =,+,-,@ is prefixed with ' so spreadsheets do not run article text as a formula.
    internal static string Csv(string? v)
    {
        if (string.IsNullOrEmpty(v)) return "";
        if (v[0] is '=' or '+' or '-' or '@') v = "'" + v;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
