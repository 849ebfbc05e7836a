using Xunit;

namespace Depesche.Knowledge.Tests;

/// <summary>Roles from titles and appositions: each row names the person, the expected role key and its "of" id.</summary>
public class RoleTests
{
    [Theory]
    // title compound with an institution
    [InlineData("Das sagte [Kremlsprecher|ORGpart|kb:peskow] [Dmitri Peskow|PER|kb:peskow].", "Dmitri Peskow", "spokesperson", "kb:kreml")]
    // hyphenated country prefix
    [InlineData("Der [US-Sondergesandte|LOCpart|Q30] [Steve Witkoff|PER|kb:witkoff] reist ab.", "Steve Witkoff", "special-envoy", "Q30")]
    // adjective before the title names the country
    [InlineData("Der [ukrainische|LOCderiv|Q212] Chefunterhändler [Rustem Umjerow|PER|kb:umjerow] kam.", "Rustem Umjerow", "chief-negotiator", "Q212")]
    // apposition after the name with "von" + title + name
    [InlineData("[Jared Kushner|PER|kb:kushner], der Schwiegersohn von Präsident [Donald Trump|PER|Q22686], kam.", "Jared Kushner", "son-in-law", "Q22686")]
    // apposition before the name: "der Unterhändler von Kremlchef Putin, Dmitrijew"
    [InlineData("Erwartet wird der Unterhändler von [Kremlchef|PER|Q7747] [Wladimir Putin|PER|Q7747], [Kirill Dmitrijew|PER|kb:dmitrijew].", "Kirill Dmitrijew", "negotiator", "Q7747")]
    // name inside the title compound
    [InlineData("Erwartet wird [Putin-Berater|PERpart|Q7747] [Dmitrijew|PER|kb:dmitrijew].", "Dmitrijew", "adviser", "Q7747")]
    // bare title: "of" from the office held on the article date
    [InlineData("Das sagte Präsident [Wolodymyr Selenskyj|PER|Q3874799].", "Wolodymyr Selenskyj", "president", "Q212")]
    // genitive after the title
    [InlineData("[Juri Uschakow|PER|kb:uschakow], Berater [Putins|PER|Q7747], sagte das.", "Juri Uschakow", "adviser", "Q7747")]
    // unknown person, title with a "des" + organisation
    [InlineData("Der Sprecher des [Kremls|ORG|kb:kreml], [Hans Muster|PER|@m], schwieg.", "Hans Muster", "spokesperson", "kb:kreml")]
    public void Titles_and_appositions_give_roles(string markup, string person, string role, string of)
    {
        var doc = Fixture.Doc(markup, "2025-12-18");
        var layer = Fixture.Link(doc);
        var links = Fixture.LinksOf(layer, doc, person);
        var link = Assert.Single(links);
        Assert.Contains(link.Roles, r => r.Role == role && r.Of == of);
        Assert.Contains(layer.EntityOf(link).Roles, r => r.Role == role && r.Of == of);
    }

    [Fact]
    public void A_verb_or_a_list_gives_no_role()
    {
        var doc = Fixture.Doc("Gestern trafen [Olaf Scholz|PER|Q61053] und [Anna Meier|PER|@m] ein.", "2023-01-01");
        var layer = Fixture.Link(doc);
        Assert.Empty(Fixture.LinksOf(layer, doc, "Anna Meier")[0].Roles);
        Assert.Empty(Fixture.LinksOf(layer, doc, "Olaf Scholz")[0].Roles);
        // The entity still carries the office it holds on the article date.
        Assert.Contains(layer.EntityOf(Fixture.LinksOf(layer, doc, "Olaf Scholz")[0]).Roles, r => r.Role == "chancellor" && r.Of == "Q183");
    }
}

public class NerSpanTests
{
    [Fact]
    public void A_title_inside_a_person_span_gives_the_name_and_the_role()
    {
        // The NER tags "Putin-Berater Dmitrijew" as one person span.
        var doc = Fixture.Doc("Erwartet wird [Putin-Berater Dmitrijew|PERpart|kb:dmitrijew].", "2025-12-18");
        var layer = Fixture.Link(doc);
        var link = Assert.Single(layer.Links);
        Assert.Equal("kb:dmitrijew", link.EntityId);
        Assert.Contains(link.Roles, r => r.Role == "adviser" && r.Of == "Q7747");
    }

    [Fact]
    public void A_dateline_place_the_ner_already_tagged_is_linked_once()
    {
        var doc = Fixture.Doc("[KIEW|LOC|Q1899] (dpa) - Text.", "2025-12-18");
        var article = doc.ToArticle() with
        {
            Source = new Depesche.Core.ArticleSource
            {
                Datelines = [new Depesche.Core.Dateline("KIEW", new Depesche.Core.TextRange(0, 4))],
                Published = new Depesche.Core.PublicationTime(new DateOnly(2025, 12, 18)),
            },
        };
        var layer = Fixture.Stage.Link(Depesche.Knowledge.Evaluation.SimpleTokenizer.Analyse(article).With(doc.ToLayer()));
        Assert.Equal("Q1899", Assert.Single(layer.Links).EntityId);
    }
}
