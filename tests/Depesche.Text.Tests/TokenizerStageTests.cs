using Depesche.Core;
using Xunit;

namespace Depesche.Text.Tests;

public class TokenizerStageTests
{
    // An invented wire article: headline line, dateline, body with a subheading, trailer.
    private const string Text =
        "Gespräche in Miami geplant\n" +
        "KIEW (dpa-AFX) - Die Delegation reist am 18. Dezember an. \"Wir sind bereit.\"\n\n" +
        "Neue Runde erwartet\n\n" +
        "Dr. Meier sagte, es gehe um 12,5 Mrd. Euro.\n" +
        "/abc/DP/xyz";

    private static Article MakeArticle()
    {
        int headEnd = Text.IndexOf('\n', StringComparison.Ordinal);
        int bodyStart = Text.IndexOf("Die Delegation", StringComparison.Ordinal);
        int bodyEnd = Text.IndexOf("Euro.", StringComparison.Ordinal) + 5;
        int sub = Text.IndexOf("Neue Runde", StringComparison.Ordinal);
        return new Article
        {
            Id = "a1",
            Text = Text,
            Headline = new TextRange(0, headEnd),
            Body = new TextRange(bodyStart, bodyEnd),
            Subheadings = [new TextRange(sub, sub + "Neue Runde erwartet".Length)],
            DatelineRange = new TextRange(headEnd + 1, bodyStart - 1),
        };
    }

    [Fact]
    public void DeclaresItsLayers()
    {
        var stage = new TokenizerStage();
        Assert.Equal("text.tokenize.v1", stage.Id);
        Assert.Equal([LayerName.Article], stage.Requires);
        Assert.Equal([LayerName.Tokens, LayerName.Sentences], stage.Produces);
        Assert.NotEmpty(stage.Description);
    }

    [Fact]
    public void RunsInAPipelineOverHeadlineAndBody()
    {
        var analysis = Pipeline.Build([new TokenizerStage()]).Run(MakeArticle(), strict: true);
        Assert.Empty(analysis.Failures);
        Assert.Equal("text.tokenize.v1", analysis.Tokens.Producer.StageId);
        Assert.Equal(
            [
                "Gespräche in Miami geplant",
                "Die Delegation reist am 18. Dezember an.",
                "\"Wir sind bereit.\"",
                "Neue Runde erwartet",
                "Dr. Meier sagte, es gehe um 12,5 Mrd. Euro.",
            ],
            analysis.Sentences.Select());
        // Dateline and trailer are metadata, not tokens.
        Assert.DoesNotContain("KIEW", TestText.Join(analysis.Tokens).Split('|'));
        Assert.DoesNotContain("abc", TestText.Join(analysis.Tokens).Split('|'));
    }

    [Fact]
    public void SubheadingIsAHardBoundaryWithoutBlankLines()
    {
        const string text = "Erster Satz ohne Punkt Zwischentitel Zweiter Satz.";
        int sub = text.IndexOf("Zwischentitel", StringComparison.Ordinal);
        var article = new Article
        {
            Id = "x",
            Text = text,
            Body = new TextRange(0, text.Length),
            Subheadings = [new TextRange(sub, sub + "Zwischentitel".Length)],
        };
        Assert.Equal(["Erster Satz ohne Punkt", "Zwischentitel", "Zweiter Satz."], TokenizerStage.Process(article).Sentences.Select());
    }

    [Fact]
    public void ParagraphRangesAreHardBoundaries()
    {
        const string text = "Absatz eins endet offen\nAbsatz zwei.";
        var article = new Article
        {
            Id = "p",
            Text = text,
            Paragraphs = [new TextRange(0, 23), new TextRange(24, text.Length)],
        };
        Assert.Equal(["Absatz eins endet offen", "Absatz zwei."], TokenizerStage.Process(article).Sentences.Select());
    }

    [Fact]
    public void EmptyBodyMeansWholeTextAndHeadlineStaysSeparate()
    {
        const string text = "Titel ohne Punkt\nDer Text.";
        var article = new Article { Id = "h", Text = text, Headline = new TextRange(0, 16) };
        Assert.Equal(["Titel ohne Punkt", "Der Text."], TokenizerStage.Process(article).Sentences.Select());
    }

    [Fact]
    public void DatelineEdgeSeparatesSentencesWhenTheBodyIsEmpty()
    {
        const string text = "BERLIN (dpa) - Die Regierung tagt.";
        var article = new Article { Id = "d", Text = text, DatelineRange = new TextRange(0, 14) };
        Assert.Equal(["BERLIN (dpa) -", "Die Regierung tagt."], TokenizerStage.Process(article).Sentences.Select());
    }

    [Fact]
    public void EmptyTextGivesEmptyLayers()
    {
        var split = TokenizerStage.Process(new Article { Id = "e", Text = "" });
        Assert.Equal(0, split.Tokens.Count);
        Assert.Equal(0, split.Sentences.Count);
    }

    [Fact]
    public void IsDeterministicAcrossThreads()
    {
        var article = MakeArticle();
        var expected = TestText.Join(TokenizerStage.Process(article).Tokens);
        var results = new string[8];
        Parallel.For(0, results.Length, i => results[i] = TestText.Join(TokenizerStage.Process(article).Tokens));
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
