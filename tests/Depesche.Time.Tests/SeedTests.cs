using System.Globalization;
using Depesche.Core;
using Depesche.Testing;
using Depesche.Time;
using Xunit;

namespace Depesche.Time.Tests;

/// <summary>
/// The seed article's expectations (dpa-AFX, published Thursday 2025-12-18): once on sentences written for this test,
/// once on the seed file itself, read from ../shared at test time (its text is not copied into the repository).
/// </summary>
public sealed class SeedTests
{
    private const string Published = "2025-12-18";

    [Theory]
    [InlineData("Zusätzlich soll es am kommenden Wochenende ein Treffen der Delegationen geben.", "kommenden Wochenende => 2025-W51-WE")]
    [InlineData("„Am Freitag und Samstag wird die Delegation in Washington sein“, sagte er.", "Freitag => 2025-12-19 | Samstag => 2025-12-20")]
    // Plusquamperfekt ("hatte … gegeben"): the last Sunday and Monday before the Thursday.
    [InlineData("In Genf hatte es am Sonntag und Montag Beratungen gegeben.", "Sonntag => 2025-12-14 | Montag => 2025-12-15")]
    [InlineData("Der Minister wird gegen Ende der Woche in Rom erwartet.", "gegen Ende der Woche => 2025-W51 END")]
    [InlineData("Eine Einigung sei im Augenblick nicht in Sicht.", "im Augenblick => PRESENT_REF")]
    [InlineData("Das Papier war zuletzt in Paris überarbeitet worden.", "zuletzt => PAST_REF")]
    public void Seed_expectations(string sentence, string expected) => TaggerAssert.Tags(Published, sentence, expected);

    [SharedDataFact("seed/000_8f5e88549e4027cd.txt")]
    public void Seed_article_from_shared_data()
    {
        var raw = File.ReadAllText(SharedData.Require("seed/000_8f5e88549e4027cd.txt"));
        // The file opens with " date YYYY-MM-DD" and the article follows on the same line.
        int at = raw.IndexOf("date ", StringComparison.Ordinal) + "date ".Length;
        Assert.True(at >= "date ".Length, "the seed file has no date header");
        var date = DateOnly.ParseExact(raw.AsSpan(at, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(new DateOnly(2025, 12, 18), date);
        var text = raw[(at + 10)..];
        var found = new GermanTimeTagger().Tag(text, date)
            .Select(t => (Surface: text[t.Start..t.End], t.Value, t.Mod)).ToList();
        Assert.Contains(("kommenden Wochenende", "2025-W51-WE", TimexMod.None), found);
        Assert.Contains(("Freitag", "2025-12-19", TimexMod.None), found);
        Assert.Contains(("Samstag", "2025-12-20", TimexMod.None), found);
        Assert.Contains(("Sonntag", "2025-12-14", TimexMod.None), found);
        Assert.Contains(("Montag", "2025-12-15", TimexMod.None), found);
        Assert.Contains(("gegen Ende der Woche", "2025-W51", TimexMod.End), found);
        Assert.Contains(("im Augenblick", "PRESENT_REF", TimexMod.None), found);
        Assert.Contains(("zuletzt", "PAST_REF", TimexMod.None), found);
    }
}
