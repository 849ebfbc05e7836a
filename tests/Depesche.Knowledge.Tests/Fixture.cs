using Depesche.Core;
using Depesche.Knowledge;
using Depesche.Knowledge.Evaluation;

namespace Depesche.Knowledge.Tests;

/// <summary>One KB and stage for all tests (the KB is immutable), and helpers that build analyses from gold markup.</summary>
internal static class Fixture
{
    private static readonly Lazy<LinkingStage> LazyStage = new(LinkingStage.CreateDefault);

    public static LinkingStage Stage => LazyStage.Value;
    public static KnowledgeBase Kb => Stage.KnowledgeBase;

    /// <summary>A gold document from inline markup (<c>[Putins|PER|Q7747]</c>) with an optional date.</summary>
    public static GoldDocument Doc(string markup, string? date = null) =>
        GoldSet.Parse("case", (date is null ? "" : "# date: " + date + "\n") + markup);

    /// <summary>Tokens and sentences from the simple tokenizer plus the gold mentions.</summary>
    public static Analysis Analyse(GoldDocument doc) => SimpleTokenizer.Analyse(doc.ToArticle()).With(doc.ToLayer());

    public static LinkLayer Link(GoldDocument doc) => Stage.Link(Analyse(doc));

    /// <summary>The link(s) of the mention with that surface (first occurrence unless <paramref name="nth"/>).</summary>
    public static IReadOnlyList<EntityLink> LinksOf(LinkLayer layer, GoldDocument doc, string surface, int nth = 0)
    {
        var m = doc.Mentions.Where(x => x.Surface == surface).ElementAt(nth);
        return layer.Links.Where(l => l.Start == m.Start && l.End == m.End).ToList();
    }
}
