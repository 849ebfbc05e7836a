using System.CommandLine;
using System.Text.Json;
using Depesche.Cli.Infrastructure;
using Depesche.Core;
using Depesche.Storage;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche events</c>: what happened or is planned, filtered by actor, type, status, place and date.</summary>
public static class EventsCommand
{
    public static Command Create(CliConsole console)
    {
        var actor = new Option<string?>("--actor") { Description = "A participant: an entity id (Q7747) or words of its name (Putin, USA)." };
        var status = new Option<string?>("--status") { Description = "Lifecycle status: " + string.Join(", ", Enum.GetValues<EventStatus>().Select(EventNames.Of)) + "." };
        status.AcceptOnlyFromAmong([.. Enum.GetValues<EventStatus>().Select(EventNames.Of)]);
        var type = new Option<string?>("--type") { Description = "PLOVER type: " + string.Join(", ", Enum.GetValues<EventType>().Select(EventNames.Of)) + " (any case)." };
        var place = new Option<string?>("--place") { Description = "Where: an entity id or words of the place name." };
        var from = new Option<DateOnly?>("--from") { Description = "Article published on or after (yyyy-MM-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Article published on or before (yyyy-MM-dd)." };
        var limit = new Option<int>("--limit") { Description = "Events to show.", DefaultValueFactory = _ => 20 };
        var store = StoreCli.StoreOption();
        var json = StoreCli.JsonOption();
        var cmd = new Command("events", "List event mentions in the store, newest first.") { actor, status, type, place, from, to, limit, store, json };
        cmd.SetAction(parse =>
        {
            EventType? t = null;
            if (parse.GetValue(type) is { } ts)
            {
                if (!EventNames.TryParseType(ts, out var parsed))
                    throw new CliException($"unknown event type '{ts}' ({string.Join(", ", Enum.GetValues<EventType>().Select(EventNames.Of))})", ExitCodes.Usage);
                t = parsed;
            }
            var q = new EventQuery
            {
                Actor = parse.GetValue(actor), Type = t, Place = parse.GetValue(place),
                Status = parse.GetValue(status) is { } st && EventNames.TryParseStatus(st, out var s0) ? s0 : null,
                From = parse.GetValue(from), To = parse.GetValue(to), Limit = Math.Max(1, parse.GetValue(limit)),
            };
            using var s = StoreCli.Open(parse.GetValue(store)!, readOnly: true);
            var r = s.Events(q);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(r, CliJson.Options));
                return ExitCodes.Ok;
            }
            console.Out.WriteLine($"{r.Total} events");
            foreach (var e in r.Events) ArchivePrinter.Event(console.Out, e);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
