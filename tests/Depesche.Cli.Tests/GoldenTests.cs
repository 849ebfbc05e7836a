using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Depesche.Testing;
using Xunit;

namespace Depesche.Cli.Tests;

/// <summary>
/// Golden files for the bundled samples: a readable view of <c>depesche extract</c> with offsets and surface strings.
/// Set <c>DEPESCHE_UPDATE_GOLDEN=1</c> to rewrite them, then review the diff.
/// </summary>
public class GoldenTests
{
    public static TheoryData<string> Samples() =>
        new(Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "samples")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Extract_matches_golden(string sample)
    {
        var r = CliRunner.Run("extract", "--no-tokens", Path.Combine(SharedData.RepoRoot, "samples", sample));
        Assert.True(r.ExitCode == 0, r.Stderr);
        var view = new JsonArray(r.JsonLines().Select(View).ToArray<JsonNode?>());
        var actual = view.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var path = Path.Combine(SharedData.RepoRoot, "tests", "golden", "extract", sample + ".json");
        if (Environment.GetEnvironmentVariable("DEPESCHE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with DEPESCHE_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    // Why: the golden view keeps offsets next to surface strings, so a diff shows what moved and what it covers.
    private static JsonNode View(JsonElement article)
    {
        var text = article.GetProperty("text").GetString()!;
        var o = new JsonObject();
        foreach (var key in new[] { "published", "datelines", "agency", "editorCodes", "versionMarkers", "headline", "subheadings" })
            o[key] = JsonNode.Parse(article.GetProperty(key).GetRawText());
        o["sentences"] = new JsonArray(article.GetProperty("sentences").EnumerateArray().Select(s =>
        {
            int a = s.GetProperty("start").GetInt32(), b = s.GetProperty("end").GetInt32();
            return (JsonNode?)JsonValue.Create($"[{a},{b}) {text[a..b]}");
        }).ToArray());
        foreach (var layer in new[] { "entities", "times" })
            if (article.TryGetProperty(layer, out var items))
                o[layer] = JsonNode.Parse(items.GetRawText());
        return o;
    }
}
