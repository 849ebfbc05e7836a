using Depesche.Core;
using Depesche.Entities.Ner;
using Depesche.Ingest;
using Depesche.Testing;
using Depesche.Text;
using Xunit;

namespace Depesche.Entities.Tests;

/// <summary>The shipped model on the seed article, through the real reader and tokenizer.</summary>
public class SeedTests
{
    private const string Seed = "seed/000_8f5e88549e4027cd.txt";

    private static readonly Lazy<NerModel> Shipped = new(() => NerModel.Load(Path.Combine(SharedData.RepoRoot, "models", "ner", "ner-de.bin")));

    private static List<(string Surface, EntityType Type, EntityFlags Flags)> Mentions()
    {
        var article = ArticleReader.ReadPath(SharedData.Require(Seed)).Single(r => r.IsArticle).Article!;
        var pipeline = Pipeline.Build([new TokenizerStage(), new NerStage(Shipped.Value)]);
        var a = pipeline.Run(article, strict: true);
        var layer = a.Get<Layer<EntityMention>>(LayerName.Entities);
        return layer.Items.Select(m => (article.Text[m.Start..m.End], m.Type, m.Flags)).ToList();
    }

    [SharedDataTheory(Seed)]
    [InlineData("Wolodymyr Selenskyj", EntityType.Person)]
    [InlineData("Steve Witkoff", EntityType.Person)]
    [InlineData("Jared Kushner", EntityType.Person)]
    [InlineData("Donald Trump", EntityType.Person)]
    [InlineData("Wladimir Putin", EntityType.Person)]
    [InlineData("Kirill Dmitrijew", EntityType.Person)]
    [InlineData("Dmitri Peskow", EntityType.Person)]
    [InlineData("Rustem Umjerow", EntityType.Person)]
    [InlineData("Kiew", EntityType.Location)]
    [InlineData("Washington", EntityType.Location)]
    [InlineData("Miami", EntityType.Location)]
    [InlineData("Berlin", EntityType.Location)]
    [InlineData("Moskau", EntityType.Location)]
    [InlineData("USA", EntityType.Location)]
    [InlineData("Ukraine", EntityType.Location)]
    [InlineData("Russland", EntityType.Location)]
    [InlineData("Interfax-Ukraina", EntityType.Organisation)]
    [InlineData("Politico", EntityType.Organisation)]
    [InlineData("Axios", EntityType.Organisation)]
    [InlineData("Weißen Haus", EntityType.Organisation)]
    [InlineData("Weiße Haus", EntityType.Organisation)]
    [InlineData("Kongress der Vereinigten Staaten", EntityType.Organisation)]
    public void Seed_article_yields_the_expected_entity(string surface, EntityType type)
    {
        var got = Mentions();
        // Case-insensitive surface so the dateline "KIEW" counts for "Kiew".
        Assert.Contains(got, m => string.Equals(m.Surface, surface, StringComparison.OrdinalIgnoreCase) && m.Type == type && m.Flags == EntityFlags.None);
    }

    [SharedDataTheory(Seed)]
    [InlineData("Moskauer", EntityType.Location)]
    [InlineData("ukrainischen", EntityType.Location)]
    public void Seed_article_yields_the_expected_derived_form(string surface, EntityType type)
    {
        Assert.Contains(Mentions(), m => m.Surface == surface && m.Type == type && m.Flags == EntityFlags.Deriv);
    }

    [SharedDataFact(Seed)]
    public void Nato_inside_a_compound_is_an_organisation_part()
    {
        // GermEval marks a name inside a compound as part: "Nato-Staaten" is ORGpart, not a bare "Nato".
        Assert.Contains(Mentions(), m => m.Surface == "Nato-Staaten" && m.Type == EntityType.Organisation && m.Flags == EntityFlags.Part);
    }

    [SharedDataFact(Seed)]
    public void Seed_article_has_no_editor_codes_as_entities()
    {
        Assert.DoesNotContain(Mentions(), m => m.Surface is "ddo" or "DP" or "stw");
    }
}
