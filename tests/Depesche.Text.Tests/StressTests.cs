using Depesche.Core;
using Xunit;

namespace Depesche.Text.Tests;

public class StressTests
{
    [Fact]
    public void FiveMegabytesOfRandomGermanTokenizeAndSplit()
    {
        string[] words =
        [
            "der", "die", "das", "Regierung", "Putin-Berater", "US-Sondergesandte", "sagte", "am", "18.", "Dezember", "2018.",
            "Dr.", "z.B.", "1.000,50", "-2,1%", "Euro", "Mrd.", "\"Wir", "kommen.\"", "„Gut“,", "»Ja«", "Ein-", "und", "Ausfuhr",
            "geht's", "Selenskyj'", "www.dpa.de", "info@dpa.com", "@dpa", "#Kiew", "...", "…", "(dpa-AFX)", "-", "KIEW/WASHINGTON",
            "Über", "Straße", "Kritik.", "Warum?", "Nein!", "\n", "\n\n", "'zitiert'", "14.30", "Uhr", "Covid-19", "J.", "Kushner",
        ];
        var rng = new Random(20251218);
        var sb = new System.Text.StringBuilder(5_300_000);
        while (sb.Length < 5_000_000)
        {
            sb.Append(words[rng.Next(words.Length)]);
            sb.Append(rng.Next(12) == 0 ? "" : " ");
        }
        var text = sb.ToString();

        var split = TokenizerStage.Process(new Article { Id = "big", Text = text });

        Assert.True(split.Tokens.Count > 500_000);
        Assert.True(split.Sentences.Count > 10_000);
        Assert.Equal(split.Tokens.Count, split.Sentences.TokensOf(split.Sentences.Count - 1).End);
    }
}
