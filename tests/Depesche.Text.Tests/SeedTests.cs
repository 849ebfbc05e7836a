using Depesche.Core;
using Depesche.Testing;
using Xunit;

namespace Depesche.Text.Tests;

/// <summary>Checks against the shared seed article; skipped when ../shared is absent. Ranges are built here, not by Ingest.</summary>
public class SeedTests
{
    private const string Seed = "seed/000_8f5e88549e4027cd.txt";

    private static Article LoadSeed()
    {
        var text = File.ReadAllText(SharedData.Require(Seed));
        int bodyStart = text.IndexOf(") - ", StringComparison.Ordinal) + 4;
        int bodyEnd = text.LastIndexOf("sagte er.", StringComparison.Ordinal) + "sagte er.".Length;
        Assert.True(bodyStart > 4 && bodyEnd > bodyStart, "seed layout changed");
        return new Article { Id = "seed", Text = text, Body = new TextRange(bodyStart, bodyEnd) };
    }

    [SharedDataFact(Seed)]
    public void CompoundsAreSingleTokens()
    {
        var split = TokenizerStage.Process(LoadSeed());
        Assert.Equal(TokenKind.Word, TestText.Find(split.Tokens, "Putin-Berater").Kind);
        Assert.Equal(TokenKind.Word, TestText.Find(split.Tokens, "US-Sondergesandte").Kind);
        TestText.Find(split.Tokens, "Interfax-Ukraina");
        TestText.Find(split.Tokens, "Nato-Staaten");
        TestText.Find(split.Tokens, "amerikanisch-russischen");
    }

    [SharedDataFact(Seed)]
    public void SplitsSentencesAsExpected()
    {
        var article = LoadSeed();
        var sentences = TokenizerStage.Process(article).Sentences.Select();

        int mit = Array.FindIndex(sentences, s => s.EndsWith("Interfax-Ukraina mit.", StringComparison.Ordinal));
        Assert.True(mit >= 0, "no sentence ends with 'Interfax-Ukraina mit.'");
        Assert.Equal("\"Am Freitag und Samstag wird unser Team in den USA sein.\"", sentences[mit + 1]);
        // Why: only strings the brief names appear here; nothing else is copied from ../shared.
        Assert.Equal(article.Body.Start, TokenizerStage.Process(article).Sentences.StartOf(0));
        Assert.EndsWith("sagte er.", sentences[^1], StringComparison.Ordinal);
        Assert.StartsWith("\"", sentences[^1], StringComparison.Ordinal);
        // The two subheadings stand alone although they have no terminator.
        Assert.Equal(2, sentences.Count(s => s[^1] is not ('.' or '!' or '?' or '"')));
        Assert.DoesNotContain(sentences, s => s.Contains("/ddo", StringComparison.Ordinal) || s.Contains("dpa-AFX", StringComparison.Ordinal));
    }

    [SharedDataFact(Seed)]
    public void WholeTextWithoutRangesStillTokenizes()
    {
        var text = File.ReadAllText(SharedData.Require(Seed));
        var split = TokenizerStage.Process(new Article { Id = "seed", Text = text });
        Assert.Equal(0, split.Tokens.FirstEndingAfter(0));
        Assert.True(split.Sentences.Count > 20);
    }
}
