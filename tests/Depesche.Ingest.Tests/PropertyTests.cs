using Depesche.Core;
using Xunit;
using static Depesche.Ingest.Tests.TestSupport;

namespace Depesche.Ingest.Tests;

/// <summary>Invariants over many generated wire-like texts (a fixed seed, so failures reproduce).</summary>
public class PropertyTests
{
    private static readonly string[] Fragments =
    [
        " date 2025-12-18 ", "date 2025-12-18T14:05:00+01:00\n", "BERLIN", "KIEW/WASHINGTON", "Washington", "Berlin, 18. Dezember",
        " (dpa) - ", " (dpa-AFX) – ", " (Reuters)", " - ", "–", "ROUNDUP 2: ", "WDH/", "EIL: ", "(Wiederholung: x)",
        "Die Regierung will handeln.", "Zwischenzeile", "\"Wir schaffen das", "“", "„", "ä", "Ã¼", "ß", " ", "  ", "\t",
        "\n", "\n\n", "\r\n", "/ab/cd", "/DP/stw", "/", "1/2", "und/oder", "https://example.invalid/a/b", "sagte er.",
        "(", ")", ":", ".", "?", "Titel ohne Punkt", "\u00A0", "😀", "\uD83D", "NEW YORK", "dpa/lby",
    ];

    [Fact]
    public void Parsing_never_throws_and_ranges_stay_inside_and_ordered()
    {
        var random = new Random(20251218);
        for (var i = 0; i < 5000; i++)
        {
            var parts = random.Next(1, 16);
            var text = string.Concat(Enumerable.Range(0, parts).Select(_ => Fragments[random.Next(Fragments.Length)]));
            var a = Wire(text);
            Assert.Equal(text, a.Text);
            AssertRangesValid(a);
        }
    }

    [Fact]
    public void Jsonl_round_trip_of_generated_texts_keeps_text_and_invariants()
    {
        var random = new Random(7);
        var texts = Enumerable.Range(0, 300)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => Fragments[random.Next(Fragments.Length)])))
            .Where(t => !string.IsNullOrWhiteSpace(t) && !t.Contains('\uD83D', StringComparison.Ordinal) && !t.Contains('Ã', StringComparison.Ordinal))
            .ToList();
        var jsonl = string.Join("\n", texts.Select(t => System.Text.Json.JsonSerializer.Serialize(new { text = t })));
        var results = ReadString(jsonl, InputFormat.Jsonl);
        Assert.Equal(texts.Count, results.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(texts[i], results[i].Article?.Text);
            Assert.Equal(i + 1, results[i].Article!.Origin.Line);
            AssertRangesValid(results[i].Article!);
        }
    }
}
