using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Depesche.Cli.Eval;

/// <summary>A pinned floor: the score a stage must keep on data with the given hash.</summary>
public sealed record Floor(string Name, string Metric, double Value, string DataPath, string DataHash);

public enum GateVerdict { Pass, BelowFloor, DataChanged, Missing, New }

public sealed record GateRow(string Name, string Metric, double? Score, double? Floor, GateVerdict Verdict, string Note);

/// <summary>
/// The evaluation gate over <c>eval/baseline.json</c>. A score below its floor fails; an update never lowers a floor
/// unless a regression is explicitly allowed. Floors are tied to a hash of their data, so a changed corpus is reported
/// instead of silently compared.
/// </summary>
public static class Gate
{
    public static List<Floor> Load(string baselinePath)
    {
        if (!File.Exists(baselinePath)) return [];
        var root = JsonNode.Parse(File.ReadAllText(baselinePath))?["floors"]?.AsObject() ?? [];
        return root.Select(kv => new Floor(
            kv.Key,
            kv.Value!["metric"]!.GetValue<string>(),
            kv.Value["floor"]!.GetValue<double>(),
            kv.Value["data"]!.GetValue<string>(),
            kv.Value["dataHash"]!.GetValue<string>())).ToList();
    }

    public static void Save(string baselinePath, IEnumerable<Floor> floors)
    {
        var obj = new JsonObject();
        foreach (var f in floors.OrderBy(f => f.Name, StringComparer.Ordinal))
            obj[f.Name] = new JsonObject
            {
                ["metric"] = f.Metric,
                ["floor"] = Math.Round(f.Value, 2),
                ["data"] = f.DataPath,
                ["dataHash"] = f.DataHash,
            };
        var root = new JsonObject
        {
            ["comment"] = "Floors for `depesche eval gate`, on the visible dev data under ../shared. Raised with --update; never lowered without --allow-regression.",
            ["floors"] = obj,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(baselinePath))!);
        File.WriteAllText(baselinePath, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }

    /// <summary>Data lives under ../shared, or in the repository itself for gold sets we wrote (<c>repo:tests/gold/…</c>).</summary>
    public static string ResolveData(string dataPath, string sharedRoot) =>
        dataPath.StartsWith("repo:", StringComparison.Ordinal)
            ? Path.Combine(Infrastructure.RepoPaths.Root(), dataPath["repo:".Length..])
            : Path.Combine(sharedRoot, dataPath);

    /// <summary>Runs every evaluation whose data exists and compares with the floors.</summary>
    public static (List<GateRow> Rows, List<Floor> Updated) Check(
        IReadOnlyList<Evaluation> evaluations, IReadOnlyList<Floor> floors, string sharedRoot, bool update, bool allowRegression)
    {
        var rows = new List<GateRow>();
        var updated = floors.ToDictionary(f => f.Name);
        foreach (var e in evaluations)
        {
            var data = ResolveData(e.DataPath, sharedRoot);
            floors.ToDictionary(f => f.Name).TryGetValue(e.Name, out var floor);
            if (!File.Exists(data) && !Directory.Exists(data))
            {
                rows.Add(new GateRow(e.Name, e.Metric, null, floor?.Value, GateVerdict.Missing, $"data {e.DataPath} absent"));
                continue;
            }
            var hash = Evaluations.HashData(data);
            var score = e.Run(data)[e.Metric];
            if (floor is null)
            {
                rows.Add(new GateRow(e.Name, e.Metric, score, null, GateVerdict.New, "no floor pinned yet"));
                if (update) updated[e.Name] = new Floor(e.Name, e.Metric, score, e.DataPath, hash);
                continue;
            }
            if (floor.DataHash != hash)
            {
                rows.Add(new GateRow(e.Name, e.Metric, score, floor.Value, GateVerdict.DataChanged, "data differs from the pinned hash"));
                if (update && allowRegression) updated[e.Name] = floor with { Value = score, DataHash = hash };
                continue;
            }
            // Why: scores are rounded to 2 places when pinned, so compare at that precision.
            bool below = Math.Round(score, 2) < floor.Value;
            rows.Add(new GateRow(e.Name, e.Metric, score, floor.Value, below ? GateVerdict.BelowFloor : GateVerdict.Pass,
                below ? string.Create(CultureInfo.InvariantCulture, $"{score - floor.Value:+0.00;-0.00} below floor") : string.Create(CultureInfo.InvariantCulture, $"{score - floor.Value:+0.00;-0.00}")));
            if (update && (!below || allowRegression)) updated[e.Name] = floor with { Value = score };
        }
        return (rows, updated.Values.ToList());
    }
}
