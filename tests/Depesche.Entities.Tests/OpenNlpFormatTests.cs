using Depesche.Entities.Ner;
using Xunit;

namespace Depesche.Entities.Tests;

/// <summary>The OpenNLP name-finder format used by the peer benchmark, and the fold assignment both systems share.</summary>
public class OpenNlpFormatTests
{
    private static int[] T(params string[] tags) => tags.Select(NerLabels.TagId).ToArray();

    private static GoldSentence S(string text, int[] outer) => new(text.Split(' '), outer);

    [Fact]
    public void Writes_chunks_with_germeval_labels_including_adjacent_chunks()
    {
        var s = S("Die Moskauer Putin Peskow sagten", T("O", "B-LOCderiv", "B-PER", "B-PER", "O"));
        Assert.Equal("Die <START:LOCderiv> Moskauer <END> <START:PER> Putin <END> <START:PER> Peskow <END> sagten",
            OpenNlpNameFormat.Line(s, s.Outer));
        Assert.Equal("Die Moskauer Putin Peskow sagten", OpenNlpNameFormat.Plain(s));
    }

    [Fact]
    public void A_written_line_parses_back_to_the_same_tokens_and_tags()
    {
        var s = S("Kongress der Vereinigten Staaten und Nato-Staaten", T("B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORGpart"));
        var (tokens, tags) = OpenNlpNameFormat.Parse(OpenNlpNameFormat.Line(s, s.Outer));
        Assert.Equal(["Kongress", "der", "Vereinigten", "Staaten", "und", "Nato-Staaten"], tokens);
        Assert.Equal(s.Outer, tags);
    }

    [Theory]
    [InlineData("a <START:PER> b c")]             // unterminated name
    [InlineData("a <END> b")]                     // end without start
    [InlineData("<START:PER> <START:LOC> a <END> <END>")] // nested
    [InlineData("<START:MISC> a <END>")]          // not a GermEval label
    public void Malformed_output_is_rejected(string line) =>
        Assert.Throws<FormatException>(() => OpenNlpNameFormat.Parse(line));

    [Fact]
    public void A_token_that_would_read_as_markup_cannot_be_written()
    {
        var s = S("x <END>", T("O", "O"));
        Assert.Throws<ArgumentException>(() => OpenNlpNameFormat.Line(s, s.Outer));
    }

    [Fact]
    public void Folds_hold_out_every_kth_sentence_and_train_on_the_rest_repeated_then_extra()
    {
        var gold = Enumerable.Range(0, 7).Select(i => S("g" + i, T("O"))).ToList();
        var extra = new List<GoldSentence> { S("x", T("O")) };
        var (train, test) = NerTrainer.Fold(gold, extra, folds: 3, fold: 1, repeat: 2);
        Assert.Equal(["g1", "g4"], test.Select(s => s.Text));
        Assert.Equal(["g0", "g2", "g3", "g5", "g6", "g0", "g2", "g3", "g5", "g6", "x"], train.Select(s => s.Text));
        // Every sentence is held out exactly once over the folds.
        var all = Enumerable.Range(0, 3).SelectMany(f => NerTrainer.Fold(gold, [], 3, f, 1).Test).Select(s => s.Text).Order();
        Assert.Equal(gold.Select(s => s.Text).Order(), all);
    }
}
