using Depesche.Core;
using Depesche.Entities.Ner;
using Xunit;

namespace Depesche.Entities.Tests;

public class StageTests
{
    /// <summary>An analysis with tokens and sentences from <see cref="SimpleTokenizer"/> (stands in for the project tokenizer).</summary>
    internal static Analysis Analyse(string text)
    {
        var article = new Article { Id = "t", Text = text };
        var toks = SimpleTokenizer.Tokenize(text);
        var sents = SimpleTokenizer.Sentences(text, toks);
        var b = new TokenTableBuilder(text);
        for (int s = 0; s < sents.Count; s++)
            for (int k = sents[s].First; k < sents[s].End; k++)
            {
                var flags = char.IsUpper(text[toks[k].Start]) ? TokenFlags.Capitalized : TokenFlags.None;
                if (k == 0 || text.AsSpan(toks[k - 1].End, toks[k].Start - toks[k - 1].End).Contains('\n')) flags |= TokenFlags.NewlineBefore;
                b.Add(toks[k].Start, toks[k].End, TokenKind.Word, flags, s);
            }
        var table = b.Build(new Producer("test.tokens"));
        var st = new SentenceTable(table,
            sents.Select(x => toks[x.First].Start).ToArray(), sents.Select(x => toks[x.End - 1].End).ToArray(),
            sents.Select(x => x.First).ToArray(), sents.Select(x => x.End).ToArray(), new Producer("test.sentences"));
        return new Analysis(article).With(table).With(st);
    }

    private static NerModel Overfit() =>
        NerTrainer.Train(ModelTests.Five, Gazetteer.Empty, WordClusters.Empty, new NerHyperParameters { Epochs = 10, RowBits = 16 }).Model;

    [Fact]
    public void Declares_its_layers_and_emits_character_offsets()
    {
        var stage = new NerStage(Overfit(), wireRules: false);
        Assert.Equal("ner.perceptron.v1", stage.Id);
        Assert.Equal([LayerName.Tokens, LayerName.Sentences], stage.Requires);
        Assert.Equal([LayerName.Entities], stage.Produces);

        const string text = "Präsident Wolodymyr Selenskyj reiste nach Berlin.";
        var a = Analyse(text);
        var layer = (Layer<EntityMention>)stage.Run(a).Single();
        var got = layer.Items.Select(m => (text[m.Start..m.End], m.Type, m.Flags)).ToList();
        Assert.Contains(("Wolodymyr Selenskyj", EntityType.Person, EntityFlags.None), got);
        Assert.Contains(("Berlin", EntityType.Location, EntityFlags.None), got);
        Assert.All(layer.Items, m => Assert.InRange(m.Confidence, 0f, 1f));
        Assert.Equal(NerStage.StageId, layer.Producer.StageId);
    }

    [Theory]
    // Agency in parentheses of a dateline; dateline place in capitals.
    [InlineData("KIEW/WASHINGTON (dpa-AFX) - Es regnet.", "KIEW", EntityType.Location)]
    [InlineData("KIEW/WASHINGTON (dpa-AFX) - Es regnet.", "dpa-AFX", EntityType.Organisation)]
    // Quoted media after a media noun, and the second one of a pair.
    [InlineData("Das schrieben die Nachrichtenportale \"Politico\" und \"Axios\" heute.", "Politico", EntityType.Organisation)]
    [InlineData("Das meldete \"Bluesky\" berichtete heute.", "Bluesky", EntityType.Organisation)]
    // Metonyms.
    [InlineData("Ein Beamter aus dem Weißen Haus sagte das.", "Weißen Haus", EntityType.Organisation)]
    [InlineData("Der Kreml schwieg.", "Kreml", EntityType.Organisation)]
    // A role noun before an untagged two-word name.
    [InlineData("Dort wird der Chefunterhändler Rustem Umjerow erwartet.", "Rustem Umjerow", EntityType.Person)]
    // … also over an organisation the tagger saw there ("Blaue Stunde" is OTH in the overfit model's training).
    [InlineData("Das kündigte Wirtschaftsministerin Blaue Stunde an.", "Blaue Stunde", EntityType.Person)]
    public void Wire_rules_add_organisations_and_places(string text, string surface, EntityType type)
    {
        var stage = new NerStage(Overfit(), wireRules: true);
        var layer = (Layer<EntityMention>)stage.Run(Analyse(text)).Single();
        Assert.Contains(layer.Items, m => text[m.Start..m.End] == surface && m.Type == type);
    }

    [Theory]
    [InlineData("Der Sprecher Mittwoch sagte nichts.")]           // one capitalised word, not a listed name
    [InlineData("Das steht in der General Public License.")]        // not a role before a name
    [InlineData("Der Minister sagte nichts.")]
    public void A_role_noun_alone_makes_no_person(string text)
    {
        var stage = new NerStage(Overfit(), wireRules: true);
        var layer = (Layer<EntityMention>)stage.Run(Analyse(text)).Single();
        Assert.DoesNotContain(layer.Items, m => m.Type == EntityType.Person);
    }

    [Fact]
    public void Editor_codes_are_never_entities()
    {
        const string text = "Der Kreml schwieg./ddo/DP/stw";
        var layer = (Layer<EntityMention>)new NerStage(Overfit()).Run(Analyse(text)).Single();
        Assert.DoesNotContain(layer.Items, m => text[m.Start..m.End] is "DP" or "ddo" or "stw");
    }
}
