using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Depesche.Core;
using Depesche.Testing;
using Xunit;

namespace Depesche.Ingest.Tests;

/// <summary>
/// Golden files: every fixture read through <see cref="ArticleReader"/>, written as JSON with offsets and surface strings
/// so a diff is readable. <c>DEPESCHE_UPDATE_GOLDEN=1</c> rewrites them in the source tree; review the diff.
/// </summary>
public class GoldenTests
{
    public static TheoryData<string> Fixtures() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_matches_golden(string fixture)
    {
        var results = ArticleReader.ReadPath(TestSupport.Fixture(fixture)).ToList();
        var actual = Render(results);
        var golden = Path.Combine(SharedData.RepoRoot, "tests", "Depesche.Ingest.Tests", "Golden", Path.ChangeExtension(fixture, ".json"));
        if (Environment.GetEnvironmentVariable("DEPESCHE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, actual);
            return;
        }
        Assert.True(File.Exists(golden), $"no golden file {golden}; run with DEPESCHE_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), actual);
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static string Render(IEnumerable<ReadResult> results)
    {
        var array = new JsonArray();
        foreach (var r in results)
        {
            if (r.Rejection is { } rej)
            {
                array.Add(new JsonObject
                {
                    ["rejection"] = rej.CodeName,
                    ["line"] = rej.Location.Line,
                    ["byte"] = rej.Location.Byte,
                });
                continue;
            }
            var a = r.Article!;
            var s = a.Source;
            array.Add(new JsonObject
            {
                ["id"] = a.Id,
                ["line"] = a.Origin.Line,
                ["title"] = a.Title,
                ["published"] = s.Published?.ToString(),
                ["agency"] = s.Agency,
                ["outlet"] = s.Outlet,
                ["author"] = s.Author,
                ["url"] = s.Url,
                ["headline"] = Span(a.Text, a.Headline),
                ["dateline"] = Span(a.Text, a.DatelineRange),
                ["places"] = new JsonArray([.. s.Datelines.Select(d => Span(a.Text, d.Range))]),
                ["agencyRange"] = Span(a.Text, s.AgencyRange),
                ["markers"] = new JsonArray([.. s.VersionMarkers.Select(m => (JsonNode)new JsonObject { ["kind"] = m.Kind.ToString(), ["number"] = m.Number, ["at"] = Span(a.Text, m.Range) })]),
                ["body"] = new JsonObject { ["start"] = a.Body.Start, ["end"] = a.Body.End, ["first"] = Head(a.Body.Slice(a.Text)), ["last"] = Tail(a.Body.Slice(a.Text)) },
                ["subheadings"] = new JsonArray([.. a.Subheadings.Select(x => Span(a.Text, x))]),
                ["paragraphs"] = new JsonArray([.. a.Paragraphs.Select(p => (JsonNode)new JsonObject { ["start"] = p.Start, ["end"] = p.End, ["first"] = Head(p.Slice(a.Text)) })]),
                ["trailer"] = Span(a.Text, a.TrailerRange),
                ["codes"] = new JsonArray([.. s.EditorCodes.Select(c => Span(a.Text, c.Range))]),
            });
        }
        return array.ToJsonString(Options).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonNode? Span(string text, TextRange? range) =>
        range is { } r ? new JsonObject { ["start"] = r.Start, ["end"] = r.End, ["text"] = r.Slice(text) } : null;

    private static string Head(string s) => s.Length <= 40 ? s : s[..40] + "…";
    private static string Tail(string s) => s.Length <= 40 ? s : "…" + s[^40..];
}
