using Depesche.Core;
using Xunit;

namespace Depesche.Text.Tests;

public class SentenceSplitterTests
{
    [Theory]
    [InlineData("Er kam. Sie ging.", "Er kam. || Sie ging.")]
    [InlineData("Wer? Niemand! Gut.", "Wer? || Niemand! || Gut.")]
    // Repeated terminators stay together.
    [InlineData("Wirklich?! Ja.", "Wirklich?! || Ja.")]
    // Abbreviations, initials and ordinals do not end a sentence.
    [InlineData("Dr. Müller kam z.B. am 18. Dezember. Dann ging er.", "Dr. Müller kam z.B. am 18. Dezember. || Dann ging er.")]
    [InlineData("Es sprach J. Kushner mit Prof. Meier.", "Es sprach J. Kushner mit Prof. Meier.")]
    [InlineData("Die 2. Liga spielt. Der 1. FC auch.", "Die 2. Liga spielt. || Der 1. FC auch.")]
    [InlineData("Der Umsatz lag bei 12,5 Mrd. Euro. Das ist viel.", "Der Umsatz lag bei 12,5 Mrd. Euro. || Das ist viel.")]
    // A year then a period does end it.
    [InlineData("Das war 2018. Dann kam 2019.", "Das war 2018. || Dann kam 2019.")]
    // A sentence-final abbreviation ends it before a capitalised word.
    [InlineData("Äpfel, Birnen usw. Dann mehr.", "Äpfel, Birnen usw. || Dann mehr.")]
    [InlineData("Äpfel usw. kamen an.", "Äpfel usw. kamen an.")]
    // A unit abbreviation ends a sentence only before a closed-class word, never before a noun.
    [InlineData("Der Umsatz betrug 3 Mrd. Die Kosten stiegen.", "Der Umsatz betrug 3 Mrd. || Die Kosten stiegen.")]
    [InlineData("Es kamen 3 Mio. Menschen.", "Es kamen 3 Mio. Menschen.")]
    [InlineData("Nach Art. 5 GG gilt das. Auf diese Art. Dann mehr.", "Nach Art. 5 GG gilt das. || Auf diese Art. || Dann mehr.")]
    // A quoted sentence standing alone is one sentence with its quotes.
    [InlineData("Er teilte das mit. \"Am Freitag sind wir da.\"", "Er teilte das mit. || \"Am Freitag sind wir da.\"")]
    [InlineData("Er sagte: „Wir kommen.“ Dann ging er.", "Er sagte: „Wir kommen.“ || Dann ging er.")]
    // The sentence goes on after a quote with a comma or a lower-case word.
    [InlineData("\"Wir kommen nicht\", sagte er. Gut.", "\"Wir kommen nicht\", sagte er. || Gut.")]
    [InlineData("\"Wer kommt?\", fragte sie.", "\"Wer kommt?\", fragte sie.")]
    [InlineData("»Geh!« sagte sie.", "»Geh!« sagte sie.")]
    [InlineData("Es steht 2:0. 52. Minute: Tor.", "Es steht 2:0. || 52. Minute: Tor.")]
    // A number glued to the period continues the sentence.
    [InlineData("Blende f1.8 bis f2.8 reicht.", "Blende f1.8 bis f2.8 reicht.")]
    // A colon never splits.
    [InlineData("Er sagte: Das ist gut.", "Er sagte: Das ist gut.")]
    // A bracketed sentence splits; a remark in brackets inside a sentence does not.
    [InlineData("Er kam. (Das war spät.) Dann ging er.", "Er kam. || (Das war spät.) || Dann ging er.")]
    [InlineData("Man warb 500 (verunsicherte?) Kunden ab.", "Man warb 500 (verunsicherte?) Kunden ab.")]
    // A straight quote at a paragraph end closes even with a space before it.
    [InlineData("Es passiert. \"\n\nNeu hier.", "Es passiert. \" || Neu hier.")]
    [InlineData("Siehe dazu... Nichts weiter.", "Siehe dazu... || Nichts weiter.")]
    [InlineData("Er sagte ... nichts.", "Er sagte ... nichts.")]
    // A blank line is a hard boundary, even without a terminator.
    [InlineData("Überschrift ohne Punkt\n\nDer Text beginnt.", "Überschrift ohne Punkt || Der Text beginnt.")]
    // After a terminator, a new line starts a sentence even with a dash or lower case.
    [InlineData("Es gilt Folgendes.\n- erstens dies.\n- zweitens das.", "Es gilt Folgendes. || - erstens dies. || - zweitens das.")]
    // A single line break is not.
    [InlineData("Der Text geht\nweiter.", "Der Text geht\nweiter.")]
    // An unclosed quote ends at the paragraph.
    [InlineData("Er sagte: \"Wir kommen nicht\n\nNeuer Absatz hier.", "Er sagte: \"Wir kommen nicht || Neuer Absatz hier.")]
    [InlineData("Ein Satz ohne Ende", "Ein Satz ohne Ende")]
    // A list number at a line start is an ordinal, not a sentence end.
    [InlineData("Es gilt:\n1. Bundesliga spielt.", "Es gilt:\n1. Bundesliga spielt.")]
    [InlineData("", "")]
    public void Splits(string text, string expected) => Assert.Equal(expected, TestText.Sentences(text));

    [Fact]
    public void SentencesCoverTheirTokensAndMarkStarts()
    {
        var split = TestText.Split("Er kam. \"Sie ging.\" Dann nichts.");
        Assert.Equal(3, split.Sentences.Count);
        foreach (var s in split.Sentences)
        {
            var toks = s.Tokens;
            Assert.Equal(s.Start, toks[0].Start);
            Assert.Equal(s.End, toks[toks.Count - 1].End);
            Assert.True(toks[0].Has(TokenFlags.SentenceStart));
            for (int i = 0; i < toks.Count; i++) Assert.Equal(s.Index, toks[i].SentenceIndex);
        }
        Assert.Equal(1, split.Sentences.IndexAt(split.Sentences[1].Start));
    }

    [Fact]
    public void UnclosedQuoteDoesNotSwallowTheArticle()
    {
        const string text = "Er sagte: „Wir kommen. Dann bleiben wir lange.\n\nZweiter Absatz. Noch ein Satz.\n\nDritter Absatz.";
        var split = TestText.Split(text);
        Assert.Equal(
            ["Er sagte: „Wir kommen.", "Dann bleiben wir lange.", "Zweiter Absatz.", "Noch ein Satz.", "Dritter Absatz."],
            split.Sentences.Select());
        // The opening quote never finds its partner; the other paragraphs are untouched by it.
        Assert.True(TestText.Find(split.Tokens, "„").Has(TokenFlags.OpeningQuote));
    }

    [Fact]
    public void CallerBoundariesAreHard()
    {
        const string text = "Kopfzeile ohne Punkt Der Text beginnt hier.";
        var tokens = GermanTokenizer.Tokenize(text);
        var split = SentenceSplitter.Split(tokens, [21], new Producer("t"));
        Assert.Equal(["Kopfzeile ohne Punkt", "Der Text beginnt hier."], split.Sentences.Select());
    }

    [Fact]
    public void BoundaryInsideATokenOrOutsideTheTextIsIgnored()
    {
        var tokens = GermanTokenizer.Tokenize("Putin-Berater kam.");
        var split = SentenceSplitter.Split(tokens, [3, 999, -5], new Producer("t"));
        Assert.Equal(["Putin-Berater kam."], split.Sentences.Select());
    }

    [Fact]
    public void LeavesTheInputTableUnchanged()
    {
        var tokens = GermanTokenizer.Tokenize("Eins. Zwei.");
        var split = SentenceSplitter.Split(tokens, new Producer("t"));
        Assert.All(tokens.SentenceIndices.ToArray(), i => Assert.Equal(0, i));
        Assert.Equal([0, 0, 1, 1], split.Tokens.SentenceIndices.ToArray());
    }
}

internal static class SentenceTableExtensions
{
    public static string[] Select(this SentenceTable table)
    {
        var list = new List<string>();
        foreach (var s in table) list.Add(s.ToString());
        return [.. list];
    }
}
