using System.Text;
using System.Text.Json;
using Depesche.Core;
using Depesche.Core.Json;
using Depesche.Knowledge.Evaluation;
using Depesche.Testing;
using Depesche.Text;
using Xunit;

namespace Depesche.Knowledge.Tests;

/// <summary>
/// The seed article with hand-placed mentions (the NER model is not on this branch yet) over the real tokenizer:
/// every expectation of issue 4.
/// Mentions are placed on every whole-word occurrence, longest surface first, never overlapping.
/// </summary>
public class SeedTests
{
    private const string Seed = "seed/000_8f5e88549e4027cd.txt";

    private static readonly (string Surface, EntityType Type, EntityFlags Flags)[] Marks =
    [
        ("Kongress der Vereinigten Staaten", EntityType.Organisation, EntityFlags.None),
        ("amerikanisch-russischen", EntityType.Location, EntityFlags.Deriv),
        ("Wolodymyr Selenskyj", EntityType.Person, EntityFlags.None),
        ("Wladimir Putin", EntityType.Person, EntityFlags.None),
        ("Kirill Dmitrijew", EntityType.Person, EntityFlags.None),
        ("Steve Witkoff", EntityType.Person, EntityFlags.None),
        ("Jared Kushner", EntityType.Person, EntityFlags.None),
        ("Donald Trump", EntityType.Person, EntityFlags.None),
        ("Dmitri Peskow", EntityType.Person, EntityFlags.None),
        ("Rustem Umjerow", EntityType.Person, EntityFlags.None),
        ("Interfax-Ukraina", EntityType.Organisation, EntityFlags.None),
        ("US-Sondergesandte", EntityType.Location, EntityFlags.Part),
        ("US-Administration", EntityType.Location, EntityFlags.Part),
        ("US-Vertreter", EntityType.Location, EntityFlags.Part),
        ("US-Berichten", EntityType.Location, EntityFlags.Part),
        ("US-Medien", EntityType.Location, EntityFlags.Part),
        ("Putin-Berater", EntityType.Person, EntityFlags.Part),
        ("Nato-Staaten", EntityType.Organisation, EntityFlags.Part),
        ("Weißen Haus", EntityType.Organisation, EntityFlags.None),
        ("Weiße Haus", EntityType.Organisation, EntityFlags.None),
        ("Kremlchef", EntityType.Person, EntityFlags.None),
        ("Selenskyj", EntityType.Person, EntityFlags.None),
        ("Dmitrijew", EntityType.Person, EntityFlags.None),
        ("Witkoff", EntityType.Person, EntityFlags.None),
        ("Kushner", EntityType.Person, EntityFlags.None),
        ("Umjerow", EntityType.Person, EntityFlags.None),
        ("Peskow", EntityType.Person, EntityFlags.None),
        ("Putins", EntityType.Person, EntityFlags.None),
        ("Politico", EntityType.Organisation, EntityFlags.None),
        ("Axios", EntityType.Organisation, EntityFlags.None),
        ("Kremls", EntityType.Organisation, EntityFlags.None),
        ("Russlands", EntityType.Location, EntityFlags.None),
        ("Russland", EntityType.Location, EntityFlags.None),
        ("Ukraine", EntityType.Location, EntityFlags.None),
        ("USA", EntityType.Location, EntityFlags.None),
        ("Miami", EntityType.Location, EntityFlags.None),
        ("Berlin", EntityType.Location, EntityFlags.None),
        ("Moskau", EntityType.Location, EntityFlags.None),
        ("Moskauer", EntityType.Location, EntityFlags.Deriv),
        ("ukrainischen", EntityType.Location, EntityFlags.Deriv),
        ("ukrainische", EntityType.Location, EntityFlags.Deriv),
        ("russischen", EntityType.Location, EntityFlags.Deriv),
        ("Ukrainern", EntityType.Location, EntityFlags.Deriv),
        ("Amerikanern", EntityType.Location, EntityFlags.Deriv),
        ("Europäern", EntityType.Location, EntityFlags.Deriv),
        ("Europäer", EntityType.Location, EntityFlags.Deriv),
    ];

    internal static Analysis SeedAnalysis()
    {
        var text = File.ReadAllText(SharedData.Require(Seed), Encoding.UTF8);
        var mentions = new List<EntityMention>();
        var taken = new bool[text.Length];
        foreach (var (surface, type, flags) in Marks.OrderByDescending(m => m.Surface.Length))
            for (int at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + 1, StringComparison.Ordinal))
            {
                int end = at + surface.Length;
                if ((at > 0 && char.IsLetter(text[at - 1])) || (end < text.Length && char.IsLetter(text[end]))) continue;
                if (taken.AsSpan(at, surface.Length).Contains(true)) continue;
                taken.AsSpan(at, surface.Length).Fill(true);
                mentions.Add(new EntityMention(at, end, type, flags, 0, 1f));
            }
        int kiew = text.IndexOf("KIEW", StringComparison.Ordinal), wash = text.IndexOf("WASHINGTON", StringComparison.Ordinal);
        int agency = text.IndexOf("dpa-AFX", StringComparison.Ordinal);
        var article = new Article
        {
            Id = Article.IdFromText(text),
            Text = text,
            Source = new ArticleSource
            {
                Agency = "dpa-AFX",
                AgencyRange = new TextRange(agency, agency + 7),
                Published = new PublicationTime(new DateOnly(2025, 12, 18)),
                Datelines = [new Dateline("KIEW", new TextRange(kiew, kiew + 4)), new Dateline("WASHINGTON", new TextRange(wash, wash + 10))],
            },
        };
        // Why: the real tokenizer and sentence splitter (merged from main), so role reading sees real sentence bounds.
        var split = TokenizerStage.Process(article);
        return new Analysis(article).With(split.Tokens).With(split.Sentences)
            .With(new Layer<EntityMention>(LayerName.Entities, new Producer("hand"), mentions));
    }

    private static EntityRecord Entity(LinkLayer layer, string id) =>
        layer.Entities.SingleOrDefault(e => e.Id == id) ?? throw new Xunit.Sdk.XunitException($"no entity {id}; have {string.Join(", ", layer.Entities.Select(e => e.Id + " " + e.Name))}");

    private static IEnumerable<string> Surfaces(Analysis a, LinkLayer layer, string id) =>
        layer.Links.Where(l => l.EntityId == id).Select(l => a.Text[l.Start..l.End]);

    [SharedDataFact(Seed)]
    public void People_are_one_entity_each_with_their_roles()
    {
        var a = SeedAnalysis();
        var layer = Fixture.Stage.Link(a);

        Assert.Equal(3, Surfaces(a, layer, "Q3874799").Count());
        Assert.All(Surfaces(a, layer, "Q3874799"), s => Assert.Contains("Selenskyj", s, StringComparison.Ordinal));
        Assert.Equal(["Kremlchef", "Putin-Berater", "Putins", "Wladimir Putin"], Surfaces(a, layer, "Q7747").Order(StringComparer.Ordinal));

        var dmitrijew = Entity(layer, "kb:dmitrijew");
        Assert.Equal(2, dmitrijew.Mentions);
        Assert.Contains(dmitrijew.Roles, r => r.Role == "adviser" && r.Of == "Q7747");
        Assert.Contains(dmitrijew.Roles, r => r.Role == "negotiator" && r.Of == "Q7747");
        Assert.Contains(Entity(layer, "kb:witkoff").Roles, r => r.Role == "special-envoy" && r.Of == "Q30" && r.Title == "US-Sondergesandte");
        Assert.Contains(Entity(layer, "kb:kushner").Roles, r => r.Role == "son-in-law" && r.Of == "Q22686");
        Assert.Contains(Entity(layer, "kb:peskow").Roles, r => r.Role == "spokesperson" && r.Of == "kb:kreml" && r.Title == "Kremlsprecher");
        Assert.Contains(Entity(layer, "kb:umjerow").Roles, r => r.Role == "chief-negotiator" && r.Of == "Q212");
        Assert.Contains(Entity(layer, "Q3874799").Roles, r => r.Role == "president" && r.Of == "Q212");
        Assert.Contains(Entity(layer, "Q22686").Roles, r => r.Role == "president" && r.Of == "Q30");
        Assert.Equal(3, Entity(layer, "kb:witkoff").Mentions);
        Assert.Equal(3, Entity(layer, "kb:kushner").Mentions);
        Assert.Equal(2, Entity(layer, "kb:peskow").Mentions);
        Assert.Equal(2, Entity(layer, "kb:umjerow").Mentions);
        // Roles are on the mention too.
        var kushner = layer.Links.First(l => l.EntityId == "kb:kushner");
        Assert.Contains(kushner.Roles, r => r.Role == "son-in-law");
    }

    [SharedDataFact(Seed)]
    public void Places_have_coordinates_and_datelines_count()
    {
        var a = SeedAnalysis();
        var layer = Fixture.Stage.Link(a);
        foreach (var id in new[] { "Q1899", "Q61", "Q8652", "Q64", "Q649", "Q30", "Q212", "Q159" })
            Assert.NotNull(Entity(layer, id).Geo);
        var miami = Entity(layer, "Q8652").Geo!.Value;
        Assert.Equal(25.77, miami.Lat, 0.01);
        Assert.Equal(-80.19, miami.Lon, 0.01);
        Assert.Equal("US", miami.Country);
        Assert.Equal("Washington", Entity(layer, "Q61").Name);
        Assert.Contains(layer.Links, l => l.EntityId == "Q1899" && l.Kind == LinkKind.Dateline);
        Assert.Contains(layer.Links, l => l.EntityId == "Q61" && l.Kind == LinkKind.Dateline);
        Assert.Contains("Moskauer", Surfaces(a, layer, "Q649"));
        Assert.Contains("amerikanisch-russischen", Surfaces(a, layer, "Q30"));
        Assert.Contains("amerikanisch-russischen", Surfaces(a, layer, "Q159"));
        Assert.Contains("US-Medien", Surfaces(a, layer, "Q30"));
        Assert.Contains("Europäern", Surfaces(a, layer, "Q46"));
    }

    [SharedDataFact(Seed)]
    public void Organisations_are_linked()
    {
        var a = SeedAnalysis();
        var layer = Fixture.Stage.Link(a);
        foreach (var id in new[] { "kb:interfax-ukraina", "kb:politico", "kb:axios", "Q35525", "kb:kreml", "Q11268", "Q7184", "kb:dpa-afx" })
            Assert.Equal(EntityType.Organisation, Entity(layer, id).Type);
        Assert.Equal(2, Entity(layer, "Q35525").Mentions);
        Assert.Equal(2, Entity(layer, "kb:politico").Mentions);
        // Every mention is linked, none to a document-local id.
        var mentions = a.Get<Layer<EntityMention>>(LayerName.Entities);
        Assert.Equal(Enumerable.Range(0, mentions.Count), layer.Links.Where(l => l.MentionIndex >= 0).Select(l => l.MentionIndex).Distinct().Order());
        Assert.DoesNotContain(layer.Links, l => l.EntityId.StartsWith("local:", StringComparison.Ordinal));
    }

    [SharedDataFact(Seed)]
    public void Json_has_links_and_distinct_entities()
    {
        var a = SeedAnalysis();
        var analysis = a.With(Fixture.Stage.Link(a));
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, AnalysisJson.WriterOptions())) AnalysisJson.Write(w, analysis);
        using var doc = JsonDocument.Parse(ms.ToArray());
        var links = doc.RootElement.GetProperty("links");
        Assert.Equal(analysis.Get<LinkLayer>(LayerName.Links).Count, links.GetArrayLength());
        var miami = doc.RootElement.GetProperty("distinctEntities").EnumerateArray().Single(e => e.GetProperty("entityId").GetString() == "Q8652");
        Assert.Equal("Miami", miami.GetProperty("name").GetString());
        Assert.Equal("LOC", miami.GetProperty("type").GetString());
        Assert.Equal("Q8652", miami.GetProperty("wikidata").GetString());
        Assert.Equal(-80.1918, miami.GetProperty("geo").GetProperty("lon").GetDouble(), 3);
        Assert.Equal(3, miami.GetProperty("mentions").GetInt32());
        var putinLink = links.EnumerateArray().First(l => l.GetProperty("text").GetString() == "Kremlchef");
        Assert.Equal("Q7747", putinLink.GetProperty("entityId").GetString());
        Assert.Equal("role", putinLink.GetProperty("kind").GetString());
    }
}
