using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Depesche.Cli.Infrastructure;
using Depesche.Core;
using Depesche.Events;

namespace Depesche.Cli.Commands;

/// <summary>
/// <c>depesche export events --format csv [--merged]</c>: GDELT-like rows, one per event mention (or per merged event),
/// read from each stored article's analysis JSON, so the export needs no event tables in the store.
/// </summary>
/// <remarks>
/// Columns: event id, date (the event's first day, else the publication day), the TIMEX value, publication day, actor 1
/// and 2 (name, CAMEO-style code, entity id), PLOVER type and mode, CAMEO code, status, reported/unconfirmed flags,
/// place (name, entity id, lat, lon, country), confidence, article id, URL, agency, trigger, evidence. With
/// <c>--merged</c>: one row per merged event, with the number of claims, the articles, the status history and the merge
/// reasons. A row never spans lines: quoting follows RFC 4180.
/// </remarks>
public static class ExportEventsCommand
{
    public const string Header =
        "event_id,date,date_value,published,actor1_name,actor1_code,actor1_entity,actor2_name,actor2_code,actor2_entity," +
        "event_type,mode,cameo,status,reported,unconfirmed,place,place_entity,lat,lon,country,confidence,article_id,url,agency,trigger,evidence";

    public const string MergedHeader =
        "event_id,date,date_value,first_published,actor1_name,actor1_code,actor1_entity,actor2_name,actor2_code,actor2_entity," +
        "event_type,mode,cameo,status,claims,articles,status_history,place,place_entity,lat,lon,country,merge_reasons";

    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "csv (GDELT-like columns).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv");
        var merged = new Option<bool>("--merged") { Description = "Merge the same event across articles (EventMerger) and write one row per merged event." };
        var store = StoreCli.StoreOption();
        var cmd = new Command("events", "Write the events of every stored article as CSV, one row per event (or per merged event).") { format, merged, store };
        cmd.SetAction(parse =>
        {
            using var s = StoreCli.Open(parse.GetValue(store)!, readOnly: true);
            using var stdout = console.OpenStdout();
            using var w = new StreamWriter(new BufferedStream(stdout, 1 << 16), new UTF8Encoding(false)) { NewLine = "\n" };
            var claims = new List<EventClaim>();
            int bad = 0;
            foreach (var a in s.Export())
                StoredClaims.Add(a, (json, id) => EventClaimReader.Read(json, id).Select(c => StoredClaims.Complete(c, a)), claims, console, "export events", ref bad);
            if (parse.GetValue(merged)) WriteMerged(w, EventMerger.Merge(claims));
            else WriteClaims(w, claims);
            w.Flush();
            return bad == 0 ? ExitCodes.Ok : ExitCodes.SomeRejected;
        });
        return cmd;
    }

    private static void WriteClaims(TextWriter w, IEnumerable<EventClaim> claims)
    {
        w.WriteLine(Header);
        foreach (var c in claims)
        {
            var (a1, a2) = TwoActors(c.Actors);
            var fields = new List<string?> { $"{c.ArticleId}-{c.Index.ToString(CultureInfo.InvariantCulture)}", FirstDay(c.Date, c.Published), c.Date, Day(c.Published) };
            AddActor(fields, a1);
            AddActor(fields, a2);
            fields.AddRange([EventNames.Of(c.Type), c.Mode == EventMode.None ? null : EventNames.Of(c.Mode), c.Cameo, EventNames.Of(c.Status),
                (c.Flags & EventFlags.Reported) != 0 ? "1" : "0", (c.Flags & EventFlags.Unconfirmed) != 0 ? "1" : "0"]);
            AddPlace(fields, c.Place, c.PlaceId, c.PlaceGeo);
            fields.AddRange([c.Confidence.ToString("0.###", CultureInfo.InvariantCulture), c.ArticleId, c.Url, c.Source, c.Trigger, OneLine(c.Evidence)]);
            w.WriteLine(string.Join(',', fields.Select(Field)));
        }
    }

    private static void WriteMerged(TextWriter w, IEnumerable<MergedEvent> events)
    {
        w.WriteLine(MergedHeader);
        foreach (var e in events)
        {
            var (a1, a2) = TwoActors(e.Actors);
            var first = e.Claims[0];
            var fields = new List<string?> { e.Id, FirstDay(e.Date, first.Published), e.Date, Day(first.Published) };
            AddActor(fields, a1);
            AddActor(fields, a2);
            fields.AddRange([EventNames.Of(e.Type), e.Mode == EventMode.None ? null : EventNames.Of(e.Mode), first.Cameo, EventNames.Of(e.Status),
                e.Claims.Length.ToString(CultureInfo.InvariantCulture), string.Join(' ', e.Claims.Select(c => c.ArticleId).Distinct()),
                string.Join("; ", e.History.Select(h => h.ToString()))]);
            AddPlace(fields, e.Place, e.PlaceId, e.PlaceGeo);
            fields.Add(string.Join(" | ", e.Reasons));
            w.WriteLine(string.Join(',', fields.Select(Field)));
        }
    }

    /// <summary>GDELT's Actor1/Actor2: the first source, and the first target (else the next source).</summary>
    private static (ClaimActor?, ClaimActor?) TwoActors(IReadOnlyList<ClaimActor> actors)
    {
        var a1 = actors.FirstOrDefault(a => a.Role == ActorRole.Source) ?? actors.FirstOrDefault();
        var a2 = actors.FirstOrDefault(a => a.Role == ActorRole.Target && a != a1) ?? actors.FirstOrDefault(a => a != a1);
        return (a1, a2);
    }

    private static void AddActor(List<string?> f, ClaimActor? a) => f.AddRange([a?.Name, a?.Code, a?.EntityId]);

    private static void AddPlace(List<string?> f, string? place, string? id, GeoPoint? geo) => f.AddRange(
    [
        place, id, geo?.Lat.ToString("0.####", CultureInfo.InvariantCulture), geo?.Lon.ToString("0.####", CultureInfo.InvariantCulture), geo?.Country,
    ]);

    private static string? FirstDay(string? timex, DateOnly? published) =>
        EventMerger.DateRange(timex) is { } r ? Day(r.From) : Day(published);

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? OneLine(string? s) => s?.ReplaceLineEndings(" ");

    // Why: numbers (a negative longitude) are data, not formulas, so they skip the spreadsheet guard of ExportCommand.Csv.
    private static string Field(string? v) =>
        v is not null && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? v : ExportCommand.Csv(v);
}
