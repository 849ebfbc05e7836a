using System.CommandLine;
using System.Text.Json;
using Depesche.Cli.Infrastructure;
using Depesche.Storage;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche search</c>: German full-text search over the store with filters and highlighted snippets.</summary>
public static class SearchCommand
{
    public static Command Create(CliConsole console)
    {
        var query = new Argument<string[]>("query") { Description = "Words (German stemming), \"phrases\", AND/OR/NOT, -word. Empty: newest articles.", Arity = ArgumentArity.ZeroOrMore };
        var from = new Option<DateOnly?>("--from") { Description = "Published on or after (yyyy-MM-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Published on or before (yyyy-MM-dd)." };
        var source = new Option<string?>("--source") { Description = "Agency or outlet, e.g. dpa." };
        var entity = new Option<string?>("--entity") { Description = "Mentions an entity with these words." };
        var type = new Option<string?>("--type") { Description = "Entity type: PER, LOC, ORG or OTH." };
        type.AcceptOnlyFromAmong("PER", "LOC", "ORG", "OTH");
        var limit = new Option<int>("--limit") { Description = "Hits to show.", DefaultValueFactory = _ => 10 };
        var store = StoreCli.StoreOption();
        var json = StoreCli.JsonOption();
        var cmd = new Command("search", "Search the store.") { query, from, to, source, entity, type, limit, store, json };
        cmd.SetAction(parse =>
        {
            using var s = StoreCli.Open(parse.GetValue(store)!, readOnly: true);
            var q = new SearchQuery
            {
                Text = string.Join(' ', parse.GetValue(query) ?? []),
                From = parse.GetValue(from), To = parse.GetValue(to), Source = parse.GetValue(source),
                Entity = parse.GetValue(entity), EntityType = parse.GetValue(type), Limit = Math.Max(1, parse.GetValue(limit)),
            };
            SearchResults r;
            try { r = s.Search(q); }
            catch (InvalidQueryException ex) { throw new CliException(ex.Message, ExitCodes.Usage); }
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(r, CliJson.Options));
                return ExitCodes.Ok;
            }
            console.Out.WriteLine($"{r.Total} hits");
            foreach (var h in r.Hits)
            {
                console.Out.WriteLine($"{h.Published ?? "—",-10} {h.Agency ?? "—",-8} {h.Id}  {StoreCli.PlainSnippet(h.Headline ?? "", false)}");
                console.Out.WriteLine("    " + StoreCli.PlainSnippet(h.Snippet, console.IsTerminal));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
