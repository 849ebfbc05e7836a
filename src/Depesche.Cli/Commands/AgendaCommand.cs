using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Depesche.Cli.Infrastructure;
using Depesche.Core;
using Depesche.Events;
using Depesche.Storage;

namespace Depesche.Cli.Commands;

/// <summary>
/// <c>depesche agenda</c>: the forward calendar of planned, unconfirmed and postponed events in the store
/// (<see cref="Agenda"/>), as text, JSON Lines (<c>--json</c>, one <see cref="AgendaJson"/> object per item) or iCalendar (<c>--ics</c>).
/// </summary>
public static class AgendaCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Option<string?>("--from") { Description = "First day of the window (yyyy-MM-dd); default: --now." };
        var to = new Option<string>("--to") { Description = "Last day (yyyy-MM-dd), or +Nd days after --from.", DefaultValueFactory = _ => "+14d" };
        var now = NowOption();
        var entity = new Option<string?>("--entity") { Description = "Only events with this actor or place (entity id or words of its name)." };
        var open = new Option<bool>("--open") { Description = "Leave out items already resolved (held, denied, cancelled)." };
        var json = new Option<bool>("--json") { Description = "One JSON object per item (JSON Lines)." };
        var ics = new Option<bool>("--ics") { Description = "An RFC 5545 iCalendar file on stdout." };
        var store = StoreCli.StoreOption();
        var cmd = new Command("agenda", "List planned, unconfirmed and postponed events in a date window, merged across articles, with their claims and resolution.")
            { from, to, now, entity, open, json, ics, store };
        cmd.SetAction(parse =>
        {
            if (parse.GetValue(json) && parse.GetValue(ics)) throw new CliException("--json and --ics exclude each other");
            var today = Now(parse.GetValue(now));
            var first = parse.GetValue(from) is { } f ? ParseDay(f, "--from") : DateOnly.FromDateTime(today.UtcDateTime);
            var last = ParseTo(parse.GetValue(to)!, first);
            if (last < first) throw new CliException($"--to {Day(last)} lies before --from {Day(first)}");
            using var s = StoreCli.Open(parse.GetValue(store)!, readOnly: true);
            var claims = LoadClaims(s, console, "agenda", out int bad);
            var items = Agenda.Build(claims, new AgendaQuery
            {
                From = first, To = last, Today = DateOnly.FromDateTime(today.UtcDateTime),
                Entity = parse.GetValue(entity), OnlyOpen = parse.GetValue(open),
            });
            using var stdout = console.OpenStdout();
            if (parse.GetValue(ics))
            {
                var bytes = new UTF8Encoding(false).GetBytes(AgendaCalendar.Write(items, today));
                stdout.Write(bytes);
            }
            else if (parse.GetValue(json))
            {
                foreach (var i in items)
                {
                    using (var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                        AgendaJson.Write(w, i);
                    stdout.WriteByte((byte)'\n');
                }
            }
            else
            {
                using var w = new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
                w.WriteLine($"agenda {Day(first)} … {Day(last)} as of {Day(DateOnly.FromDateTime(today.UtcDateTime))}: {items.Length} item(s)");
                foreach (var i in items) WriteText(w, i);
            }
            return bad == 0 ? ExitCodes.Ok : ExitCodes.SomeRejected;
        });
        return cmd;
    }

    /// <summary><c>--now</c>: the day the command acts as of. Only here is the system clock read, as the default.</summary>
    internal static Option<string?> NowOption() => new("--now") { Description = "Act as of this day or instant (yyyy-MM-dd or ISO 8601); default: the system clock." };

    internal static DateTimeOffset Now(string? value)
    {
        if (value is null) return TimeProvider.System.GetUtcNow();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return new DateTimeOffset(d.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t.ToUniversalTime();
        throw new CliException($"--now '{value}' is neither yyyy-MM-dd nor an ISO 8601 instant");
    }

    internal static DateOnly ParseDay(string value, string option) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new CliException($"{option} '{value}' is not a date (yyyy-MM-dd)");

    private static DateOnly ParseTo(string value, DateOnly from)
    {
        if (value.StartsWith('+') && value.EndsWith('d') && int.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return from.AddDays(n);
        return ParseDay(value, "--to");
    }

    /// <summary>
    /// Every event claim in the store, with date mods and source chains, read from each article's analysis JSON.
    /// An unreadable analysis is named on stderr and counted in <paramref name="bad"/>; it never stops the rest.
    /// </summary>
    /// <summary>
    /// The workbench's <c>GET /api/agenda</c>: the window and the items of <c>agenda --json</c> in one JSON object. Without a day given,
    /// "today" is the newest article's publication date, so an archive of past wire copy opens on its own present.
    /// </summary>
    public static string ApiJson(IArticleStore s, Web.AgendaRequest r)
    {
        var claims = LoadClaims(s, null, "agenda", out _);
        var today = r.Today ?? claims.Select(c => c.Claim.Published).Max() ?? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var from = r.From ?? today;
        var to = r.To ?? from.AddDays(14);
        var items = Agenda.Build(claims, new AgendaQuery { From = from, To = to, Today = today, Entity = r.Entity, OnlyOpen = r.OnlyOpen });
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("today", Day(today));
            w.WriteString("from", Day(from));
            w.WriteString("to", Day(to));
            w.WriteStartArray("items");
            foreach (var i in items) AgendaJson.Write(w, i);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static List<DatedClaim> LoadClaims(IArticleStore s, CliConsole? console, string verb, out int bad)
    {
        var claims = new List<DatedClaim>();
        bad = 0;
        foreach (var a in s.Export()) StoredClaims.AddDated(a, claims, console, verb, ref bad);
        return claims;
    }

    private static void WriteText(TextWriter w, AgendaItem i)
    {
        w.WriteLine();
        w.WriteLine($"{i.When.Label,-16} {i.Title}");
        w.WriteLine($"  status {EventNames.Of(i.Status)}{(i.Unconfirmed && i.Resolution.Kind is ResolutionKind.Pending or ResolutionKind.NoReport ? " (unconfirmed)" : "")}, confidence {i.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}, {i.When.Precision.ToString().ToLowerInvariant()} {Day(i.When.From)}…{Day(i.When.To)}  [{i.Id}]");
        foreach (var c in i.Claims)
            w.WriteLine($"  {(c.Published is { } p ? Day(p) : "undated"),-10} {AgendaJson.Name(c.Change),-9} {EventNames.Of(c.Status),-11} by {c.Via}  /article/{c.ArticleId}");
        w.WriteLine($"  resolution: {i.Resolution.Text}");
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
