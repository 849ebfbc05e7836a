using System.Text.Json;
using Depesche.Testing;
using Xunit;

namespace Depesche.Cli.Tests;

/// <summary>
/// 'eval events' on the shipped gold set, and 'export events' over a store filled with three invented articles:
/// talks planned on the 18th, the same talks reported held on the 21st, and an unrelated visit.
/// </summary>
public sealed class EventCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "depesche-events-" + Guid.NewGuid().ToString("N")[..10]);
    private string Store => Path.Combine(_root, "store");
    private string Input => Path.Combine(_root, "in");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private void Ingest()
    {
        Directory.CreateDirectory(Input);
        File.WriteAllText(Path.Combine(Input, "a1.txt"),
            " date 2025-12-18 WASHINGTON (dpa) - Ein Treffen zwischen den USA und der Ukraine soll am Samstag in Miami stattfinden. Das teilte das Weiße Haus mit.\n");
        File.WriteAllText(Path.Combine(Input, "a2.txt"),
            " date 2025-12-21 MIAMI (Reuters) - Das Treffen zwischen den USA und der Ukraine fand am Samstag in Miami statt. Beide Seiten sprachen von Fortschritten.\n");
        File.WriteAllText(Path.Combine(Input, "a3.txt"),
            " date 2025-12-19 PARIS (AFP) - Bundeskanzler Friedrich Merz hat am Freitag in Paris den französischen Präsidenten Emmanuel Macron besucht.\n");
        var r = CliRunner.Run("ingest", Input, "--store", Store);
        Assert.True(r.ExitCode == 0, r.Stderr);
    }

    private static List<Dictionary<string, string>> ParseCsv(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = SplitCsvLine(lines[0]);
        return lines.Skip(1).Select(l => header.Zip(SplitCsvLine(l)).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var cur = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cur.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cur.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(cur.ToString()); cur.Clear(); }
            else cur.Append(ch);
        }
        fields.Add(cur.ToString());
        return fields;
    }

    [Fact]
    public void Export_events_writes_one_gdelt_like_row_per_event()
    {
        Ingest();
        var r = CliRunner.Run("export", "events", "--format", "csv", "--store", Store);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith("event_id,date,date_value,published,actor1_name,actor1_code", r.Stdout, StringComparison.Ordinal);
        var rows = ParseCsv(r.Stdout);
        var planned = Assert.Single(rows, x => x["status"] == "planned");
        Assert.Equal("CONSULT", planned["event_type"]);
        Assert.Equal("2025-12-20", planned["date"]);
        Assert.Equal("2025-12-18", planned["published"]);
        Assert.Equal(("USA", "USA"), (planned["actor1_name"], planned["actor1_code"]));
        Assert.Equal(("Ukraine", "UKR"), (planned["actor2_name"], planned["actor2_code"]));
        Assert.Equal("Miami", planned["place"]);
        Assert.StartsWith("25.7", planned["lat"], StringComparison.Ordinal);
        Assert.StartsWith("-80.1", planned["lon"], StringComparison.Ordinal);
        Assert.Equal("dpa", planned["agency"]);
        Assert.Equal("040", planned["cameo"]);
        var held = Assert.Single(rows, x => x["status"] == "held" && x["place"] == "Miami");
        Assert.Equal("Reuters", held["agency"]);
        Assert.Contains(rows, x => x["actor1_name"] == "Merz" && x["place"] == "Paris");
        // The plain article export still works beside the new subcommand.
        Assert.StartsWith("id,published,agency", CliRunner.Run("export", "--format", "csv", "--store", Store).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_events_merged_joins_planned_and_held_with_history_and_reason()
    {
        Ingest();
        var r = CliRunner.Run("export", "events", "--format", "csv", "--merged", "--store", Store);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var rows = ParseCsv(r.Stdout);
        var miami = Assert.Single(rows, x => x["place"] == "Miami");
        Assert.Equal("2", miami["claims"]);
        Assert.Equal("held", miami["status"]);
        Assert.Equal("2025-12-18 planned (dpa) for 2025-12-20; 2025-12-21 held (Reuters) for 2025-12-20", miami["status_history"]);
        Assert.Contains("shared actors", miami["merge_reasons"], StringComparison.Ordinal);
        Assert.Contains(rows, x => x["actor1_name"] == "Merz" && x["claims"] == "1" && x["merge_reasons"] == "");
    }

    [Fact]
    public void Eval_events_reports_tuple_scores_and_element_accuracies_as_json()
    {
        var r = CliRunner.Run("eval", "events", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(48, json.GetProperty("documents").GetInt32());
        Assert.True(json.GetProperty("gold").GetInt32() >= 150);
        foreach (var key in new[] { "precision", "recall", "f1" })
            Assert.InRange(json.GetProperty(key).GetDouble(), 0, 100);
        foreach (var key in new[] { "actors", "place", "date", "status" })
            Assert.InRange(json.GetProperty("accuracy").GetProperty(key).GetDouble(), 0, 100);
        var missing = CliRunner.Run("eval", "events", "--gold", Path.Combine(_root, "nope"));
        Assert.Equal(3, missing.ExitCode);
    }
}
