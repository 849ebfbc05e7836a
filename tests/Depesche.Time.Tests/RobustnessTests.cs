using Depesche.Time;
using Xunit;

namespace Depesche.Time.Tests;

/// <summary>Invariants on generated text: never throws, expressions are non-empty, inside the text, ordered and disjoint.</summary>
public sealed class RobustnessTests
{
    private static readonly string[] Vocabulary =
    [
        "am", "im", "vom", "bis", "zum", "vor", "in", "seit", "nach", "der", "des", "den", "dem", "die", "und", "/", "-", "–", ",", ".", "(", ")",
        "Freitag", "Freitagabend", "montags", "jeden", "pro", "Tag", "Tage", "Tagen", "Woche", "Wochen", "Wochenende", "Monat", "Monats",
        "Jahr", "Jahre", "Jahres", "Jahrhundert", "Quartal", "Halbjahr", "Januar", "Dezember", "Mai", "August", "Sommer", "Winter", "Spätherbst",
        "heute", "gestern", "morgen", "Morgen", "Abend", "Nacht", "frühen", "heutigen", "gestrigen", "kommenden", "vergangenen", "letzten",
        "selben", "folgenden", "dritten", "ersten", "Anfang", "Mitte", "Ende", "gegen", "etwa", "fast", "mehr", "als", "über", "zwei", "drei",
        "einen", "wenige", "anderthalb", "später", "zuvor", "darauf", "lang", "Uhr", "MEZ", "v", "Chr", "n", "Laufe", "Jahresende", "Vorjahr",
        "zweiwöchigen", "jahrelang", "zuletzt", "derzeit", "künftig", "täglich", "Weihnachten", "Silvester", "wird", "hatte", "sagte",
        "1", "3.", "18.", "31.", "29.", "2025", "1939", "1777/78", "218", "14.30", "9:15", "18.12.2025", "31.02.", "1990er", "30-jährige",
        "4.000", "0", "99999999999", "24", "25", "00:00",
    ];

    [Fact]
    public void Generated_text_keeps_the_invariants()
    {
        var rng = new Random(20251218);
        var newsTagger = new GermanTimeTagger();
        var narrativeTagger = new GermanTimeTagger(new TimeOptions(TimeMode.Narrative));
        for (int round = 0; round < 3000; round++)
        {
            int n = rng.Next(1, 25);
            var words = new string[n];
            for (int i = 0; i < n; i++) words[i] = Vocabulary[rng.Next(Vocabulary.Length)];
            string text = string.Join(rng.Next(4) == 0 ? "" : " ", words);
            var date = new DateOnly(rng.Next(1, 9999), rng.Next(1, 13), rng.Next(1, 29));
            foreach (var tagger in new[] { newsTagger, narrativeTagger })
            {
                var items = tagger.Tag(text, date);
                for (int i = 0; i < items.Count; i++)
                {
                    Assert.True(items[i].Start < items[i].End && items[i].End <= text.Length, $"bad range in '{text}'");
                    Assert.False(string.IsNullOrEmpty(items[i].Value), $"empty value in '{text}'");
                    if (i > 0) Assert.True(items[i - 1].End <= items[i].Start, $"overlap in '{text}': {TaggerAssert.Format(text, items)}");
                }
            }
        }
    }
}
