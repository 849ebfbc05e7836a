using System.Text;
using System.Text.Json;
using Depesche.Core;
using Xunit;

namespace Depesche.Text.Tests;

/// <summary>
/// Golden files: <c>golden/text.tokenize.v1/&lt;case&gt;.txt</c> and the expected <c>.json</c> with offsets and surface strings.
/// Set <c>DEPESCHE_UPDATE_GOLDEN=1</c> to rewrite the expectations, then review the diff.
/// </summary>
public class GoldenTests
{
    private static string GoldenDir => Path.Combine(Depesche.Testing.SharedData.RepoRoot, "tests", "Depesche.Text.Tests", "golden", TokenizerStage.StageId);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(GoldenDir, "*.txt").Order(StringComparer.Ordinal)) data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesGolden(string name)
    {
        var text = File.ReadAllText(Path.Combine(GoldenDir, name + ".txt")).ReplaceLineEndings("\n");
        var article = WireArticle(text);
        var actual = Render(TokenizerStage.Process(article));
        var expectedPath = Path.Combine(GoldenDir, name + ".json");
        if (Environment.GetEnvironmentVariable("DEPESCHE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }
        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing; run with DEPESCHE_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>Ranges for the invented wire layout: headline line, dateline up to " - ", body up to the trailer line, blank-line paragraphs.</summary>
    private static Article WireArticle(string text)
    {
        int headEnd = text.IndexOf('\n', StringComparison.Ordinal);
        int dash = text.IndexOf(") - ", headEnd, StringComparison.Ordinal);
        int bodyStart = dash + 4;
        int trailer = text.LastIndexOf("\n/", StringComparison.Ordinal);
        int bodyEnd = trailer < 0 ? text.TrimEnd().Length : trailer;
        return new Article
        {
            Id = Article.IdFromText(text),
            Text = text,
            Headline = new TextRange(0, headEnd),
            DatelineRange = new TextRange(headEnd + 1, dash + 3),
            Body = new TextRange(bodyStart, bodyEnd),
            TrailerRange = trailer < 0 ? null : new TextRange(trailer + 1, text.TrimEnd().Length),
        };
    }

    private static string Render(SentenceSplit split)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("sentences");
            foreach (var s in split.Sentences)
            {
                w.WriteStartObject();
                w.WriteNumber("start", s.Start);
                w.WriteNumber("end", s.End);
                w.WriteString("text", s.ToString());
                w.WriteStartArray("tokens");
                foreach (var t in s.Tokens)
                {
                    // One line per token keeps diffs readable: offsets, surface, kind, flags.
                    w.WriteStringValue($"{t.Start}-{t.End} {t} {t.Kind} {t.Flags}");
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
