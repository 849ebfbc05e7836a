using System.Text;
using System.Text.Json;
using Depesche.Testing;
using Ical.Net;
using Xunit;

namespace Depesche.Cli.Tests;

/// <summary><c>depesche agenda</c> end to end over the fixture articles and the seed.</summary>
[Collection("agenda-store")]
public sealed class AgendaTests(AgendaStore store)
{
    private List<JsonElement> Agenda(params string[] args)
    {
        var r = CliRunner.Run(["agenda", "--json", "--store", store.Path, .. args]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return [.. r.JsonLines()];
    }

    private static List<string> Actors(JsonElement item) => [.. item.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("name").GetString()!)];

    private static JsonElement Warschau(IEnumerable<JsonElement> items) =>
        Assert.Single(items, i => Actors(i).Contains("Wadephul") && Actors(i).Contains("Sikorski"));

    private static List<string> Changes(JsonElement item) => [.. item.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("change").GetString()!)];

    [Fact]
    public void Announced_confirmed_and_held_is_one_item_with_three_claims_then_a_resolution()
    {
        var item = Warschau(Agenda("--from", "2026-01-12", "--to", "2026-01-20", "--now", "2026-01-15"));
        Assert.Equal("2026-01-14", item.GetProperty("when").GetProperty("label").GetString());
        Assert.Equal("day", item.GetProperty("when").GetProperty("precision").GetString());
        Assert.Equal("Warschau", item.GetProperty("place").GetProperty("name").GetString());
        Assert.Equal("held", item.GetProperty("status").GetString());
        Assert.Equal(["announced", "confirmed", "held"], Changes(item));
        Assert.Equal([store.Ids["10_warschau_angekuendigt"], store.Ids["20_warschau_bestaetigt"], store.Ids["30_warschau_gehalten"]],
            item.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("article").GetString()!).ToList());
        var res = item.GetProperty("resolution");
        Assert.Equal("held", res.GetProperty("kind").GetString());
        Assert.Equal(store.Ids["30_warschau_gehalten"], res.GetProperty("article").GetString());
        Assert.StartsWith("held, reported by dpa", res.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void As_of_day_two_the_same_item_is_planned_with_two_claims_and_pending()
    {
        var item = Warschau(Agenda("--from", "2026-01-12", "--to", "+7d", "--now", "2026-01-13"));
        Assert.Equal("planned", item.GetProperty("status").GetString());
        Assert.False(item.GetProperty("unconfirmed").GetBoolean());
        Assert.Equal(["announced", "confirmed"], Changes(item));
        Assert.Equal("pending", item.GetProperty("resolution").GetProperty("kind").GetString());
    }

    [Fact]
    public void A_denied_meeting_shows_as_denied()
    {
        var items = Agenda("--from", "2026-01-12", "--to", "2026-01-20", "--now", "2026-01-14");
        var item = Assert.Single(items, i => Actors(i).Contains("Putin") && i.GetProperty("place").GetProperty("name").GetString() == "Moskau");
        Assert.Equal("denied", item.GetProperty("status").GetString());
        Assert.Equal(["reported", "denied"], Changes(item));
        Assert.Equal("denied", item.GetProperty("resolution").GetProperty("kind").GetString());
        Assert.Contains("Orbán", Actors(item));
        // --open leaves resolved items out; --entity narrows to one actor
        Assert.DoesNotContain(Agenda("--from", "2026-01-12", "--to", "2026-01-20", "--now", "2026-01-14", "--open"), i => Actors(i).Contains("Putin"));
        Assert.All(Agenda("--from", "2026-01-12", "--to", "2026-01-20", "--now", "2026-01-14", "--entity", "Orbán"), i => Assert.Contains("Orbán", Actors(i)));
    }

    [Fact]
    public void The_window_filters_by_date_and_text_output_names_claims_and_articles()
    {
        Assert.DoesNotContain(Agenda("--from", "2026-01-16", "--to", "2026-01-20", "--now", "2026-01-16"), i => Actors(i).Contains("Sikorski"));
        var r = CliRunner.Run("agenda", "--from", "2026-01-12", "--to", "2026-01-20", "--now", "2026-01-15", "--store", store.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("resolution: held, reported by dpa in " + store.Ids["30_warschau_gehalten"], r.Stdout, StringComparison.Ordinal);
        Assert.Contains("/article/" + store.Ids["10_warschau_angekuendigt"], r.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("agenda", "--from", "2026-13-01", "--store", store.Path).ExitCode);
        Assert.Equal(2, CliRunner.Run("agenda", "--from", "2026-01-12", "--to", "2026-01-01", "--store", store.Path).ExitCode);
    }

    [Fact]
    public void Ics_parses_as_a_calendar_with_all_day_events_and_folded_lines()
    {
        var r = CliRunner.Run("agenda", "--ics", "--from", "2026-01-12", "--to", "2026-01-20", "--now", "2026-01-15", "--store", store.Path);
        Assert.Equal(0, r.ExitCode);
        var text = r.Stdout;
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        foreach (var line in text.Split("\r\n"))
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line over 75 octets: {line}");
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var cal = Calendar.Load(text)!;
        var ev = Assert.Single(cal.Events, e => e.Summary!.Contains("Sikorski", StringComparison.Ordinal));
        Assert.True(ev.IsAllDay);
        Assert.Equal(new DateTime(2026, 1, 14), ev.DtStart!.Value);
        Assert.Equal(new DateTime(2026, 1, 15), ev.DtEnd!.Value);
        Assert.Equal("Warschau", ev.Location);
        Assert.Equal("CONFIRMED", ev.Status);
        Assert.Contains("Resolution: held, reported by dpa", ev.Description, StringComparison.Ordinal);
        Assert.Contains(store.Ids["20_warschau_bestaetigt"], ev.Description, StringComparison.Ordinal);
        Assert.Equal("CANCELLED", Assert.Single(cal.Events, e => e.Summary!.Contains("Putin", StringComparison.Ordinal)).Status);
    }

    [SharedDataFact(AgendaStore.Seed)]
    public void Seed_as_of_2025_12_18_yields_the_three_expected_meetings()
    {
        var items = Agenda("--from", "2025-12-18", "--now", "2025-12-18");
        // US–Ukraine talks in the USA on 19/20 December, planned, per Selenskyj via Interfax-Ukraina
        var ua = Assert.Single(items, i => Actors(i).Contains("Ukraine") && Actors(i).Contains("USA"));
        Assert.Equal("2025-12-19/20", ua.GetProperty("when").GetProperty("label").GetString());
        Assert.Equal("USA", ua.GetProperty("place").GetProperty("name").GetString());
        Assert.Equal("planned", ua.GetProperty("status").GetString());
        Assert.False(ua.GetProperty("unconfirmed").GetBoolean());
        var via = ua.GetProperty("claims")[0].GetProperty("via").GetString()!;
        Assert.StartsWith("Selenskyj via ", via, StringComparison.Ordinal);
        Assert.Contains("Interfax-Ukraina", via, StringComparison.Ordinal);
        // the US–Russia meeting in Miami at the weekend, unconfirmed
        var ru = Assert.Single(items, i => Actors(i).Contains("Russland"));
        Assert.Equal("2025-W51-WE", ru.GetProperty("when").GetProperty("label").GetString());
        Assert.Equal("weekend", ru.GetProperty("when").GetProperty("precision").GetString());
        Assert.Equal("Miami", ru.GetProperty("place").GetProperty("name").GetString());
        Assert.True(ru.GetProperty("unconfirmed").GetBoolean());
        Assert.Contains("USA", Actors(ru));
        // Umjerow–Witkoff–Kushner talks in Miami at the end of the week, planned
        var um = Assert.Single(items, i => Actors(i).Contains("Umjerow"));
        Assert.Equal("2025-W51+END", um.GetProperty("when").GetProperty("label").GetString());
        Assert.Equal("Miami", um.GetProperty("place").GetProperty("name").GetString());
        Assert.Equal("planned", um.GetProperty("status").GetString());
        Assert.Equal(["Umjerow", "Witkoff", "Kushner"], Actors(um));
        // nothing else: the Berlin talks were held, the trilateral meeting is negated
        Assert.Equal(3, items.Count);
    }

    [SharedDataFact(AgendaStore.Seed)]
    public void Seed_after_the_dates_has_no_report_yet()
    {
        var items = Agenda("--from", "2025-12-18", "--to", "2025-12-31", "--now", "2025-12-27");
        Assert.All(items, i => Assert.Equal("no-report", i.GetProperty("resolution").GetProperty("kind").GetString()));
        Assert.Equal("no report yet", items[0].GetProperty("resolution").GetProperty("text").GetString());
        var weekend = CliRunner.Run("agenda", "--ics", "--from", "2025-12-18", "--now", "2025-12-18", "--store", store.Path).Stdout;
        var ev = Assert.Single(Calendar.Load(weekend)!.Events, e => e.Summary!.Contains("Russland", StringComparison.Ordinal));
        Assert.Equal(new DateTime(2025, 12, 20), ev.DtStart!.Value);
        Assert.Equal(new DateTime(2025, 12, 22), ev.DtEnd!.Value);
        Assert.Equal("TENTATIVE", ev.Status);
    }
}
