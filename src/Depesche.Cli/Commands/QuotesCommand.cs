using System.CommandLine;
using System.Text.Json;
using Depesche.Cli.Infrastructure;
using Depesche.Core;
using Depesche.Storage;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche quotes</c>: who said what, filtered by speaker, source chain, flags, kind and date.</summary>
public static class QuotesCommand
{
    public static Command Create(CliConsole console)
    {
        var speaker = new Option<string?>("--speaker") { Description = "Speaker: an entity id (Q3874799) or words of the name or wording (Selenskyj, Kremlsprecher)." };
        var source = new Option<string?>("--source") { Description = "A link of the source chain whose name contains these words (Politico, Interfax, dpa)." };
        var flag = new Option<string[]>("--flag") { Description = "Only quotes with this flag: anonymous, single-source, unconfirmed or denied (repeat for all of several)." };
        var kind = new Option<string?>("--kind") { Description = "direct, indirect or reported." };
        kind.AcceptOnlyFromAmong("direct", "indirect", "reported");
        var from = new Option<DateOnly?>("--from") { Description = "Article published on or after (yyyy-MM-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Article published on or before (yyyy-MM-dd)." };
        var limit = new Option<int>("--limit") { Description = "Quotes to show.", DefaultValueFactory = _ => 20 };
        var store = StoreCli.StoreOption();
        var json = StoreCli.JsonOption();
        var cmd = new Command("quotes", "List quotes in the store, newest first.") { speaker, source, flag, kind, from, to, limit, store, json };
        cmd.SetAction(parse =>
        {
            var flags = QuoteFlags.None;
            foreach (var f in parse.GetValue(flag) ?? [])
            {
                if (!QuoteFlagNames.TryParse(f, out var one))
                    throw new CliException($"unknown flag '{f}' (anonymous, single-source, unconfirmed, denied)", ExitCodes.Usage);
                flags |= one;
            }
            var q = new QuoteQuery
            {
                Speaker = parse.GetValue(speaker), Source = parse.GetValue(source), Flags = flags,
                Kind = parse.GetValue(kind) is { } k ? Enum.Parse<QuoteKind>(k, ignoreCase: true) : null,
                From = parse.GetValue(from), To = parse.GetValue(to), Limit = Math.Max(1, parse.GetValue(limit)),
            };
            using var s = StoreCli.Open(parse.GetValue(store)!, readOnly: true);
            var r = s.Quotes(q);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(r, CliJson.Options));
                return ExitCodes.Ok;
            }
            console.Out.WriteLine($"{r.Total} quotes");
            foreach (var quote in r.Quotes) ArchivePrinter.Quote(console.Out, quote);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
