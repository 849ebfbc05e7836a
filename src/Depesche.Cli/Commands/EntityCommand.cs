using System.CommandLine;
using System.Text.Json;
using Depesche.Cli.Infrastructure;
using Depesche.Storage;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche entity NAME</c>: the profile of one entity across the archive.</summary>
public static class EntityCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string[]>("name") { Description = "An entity id (Q7747, kb:peskow), a canonical name, a way it was written (Selenskyj), or words of its name.", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "Newest mentions, quotes and events to show.", DefaultValueFactory = _ => 20 };
        var co = new Option<int>("--co-occurring") { Description = "Co-occurring entities to show.", DefaultValueFactory = _ => 15 };
        var store = StoreCli.StoreOption();
        var json = StoreCli.JsonOption();
        var cmd = new Command("entity", "Profile of an entity: name, type, aliases, roles, timeline of mentions, quotes, events, co-occurring entities.")
        {
            name, limit, co, store, json,
        };
        cmd.SetAction(parse =>
        {
            var who = string.Join(' ', parse.GetValue(name) ?? []).Trim();
            if (who.Length == 0) throw new CliException("give an entity name or id", ExitCodes.Usage);
            using var s = StoreCli.Open(parse.GetValue(store)!, readOnly: true);
            var p = s.Entity(who, new EntityProfileOptions { Limit = Math.Max(1, parse.GetValue(limit)), CoOccurring = Math.Max(0, parse.GetValue(co)) })
                ?? throw new CliException($"no entity '{who}' in {s.Location} (identities come from entity linking)", ExitCodes.NothingAccepted);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(p, CliJson.Options));
                return ExitCodes.Ok;
            }
            ArchivePrinter.Entity(console.Out, p);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
