using Depesche.Core;
using Depesche.Knowledge.Evaluation;
using Xunit;

namespace Depesche.Knowledge.Tests;

public class EvaluatorTests
{
    [Fact]
    public void BCubed_of_a_perfect_clustering_is_one()
    {
        var (p, r) = LinkingEvaluator.BCubed(["a", "a", "b"], ["x", "x", "y"]);
        Assert.Equal(3, p, 10);
        Assert.Equal(3, r, 10);
    }

    [Fact]
    public void BCubed_of_a_merge_and_a_split_has_exact_figures()
    {
        // gold {1,2} {3}; predicted {1} {2,3}
        // precision: 1/1, 1/2, 1/2 → 2.0; recall: 1/2, 1/2, 1/1 → 2.0
        var (p, r) = LinkingEvaluator.BCubed(["a", "a", "b"], ["x", "y", "y"]);
        Assert.Equal(2.0, p, 10);
        Assert.Equal(2.0, r, 10);
        // gold {1,2,3,4}; predicted {1,2} {3} {4}: precision 4 × 1 = 4; recall 2/4 + 2/4 + 1/4 + 1/4 = 1.5
        (p, r) = LinkingEvaluator.BCubed(["a", "a", "a", "a"], ["x", "x", "y", "z"]);
        Assert.Equal(4.0, p, 10);
        Assert.Equal(1.5, r, 10);
    }

    [Fact]
    public void Report_counts_accuracy_and_local_clusters_exactly()
    {
        // 6 mentions: Putin ×2 right, an unknown person ×2 (one local cluster) right, "Zorblat" expected Q7747 is wrong
        // (it becomes a local entity), and Berlin right.
        var doc = Fixture.Doc("[Wladimir Putin|PER|Q7747] und [Anna Meier|PER|@meier] trafen sich. [Putin|PER|Q7747] lobte [Meier|PER|@meier]. " +
                              "[Zorblat|PER|Q7747] war in [Berlin|LOC|Q64].", "2025-12-18");
        var report = LinkingEvaluator.Evaluate([doc], Fixture.Stage);
        Assert.Equal(1, report.Documents);
        Assert.Equal(6, report.Mentions);
        Assert.Equal(5, report.Correct);
        Assert.Equal(5.0 / 6, report.Accuracy, 10);
        // gold clusters {P,P,Z} {M,M} {B}; predicted {P,P} {M,M} {Z} {B}
        // precision all 1; recall: P 2/3, P 2/3, Z 1/3, M 1, M 1, B 1 → (2/3+2/3+1/3+3)/6 = 14/18
        Assert.Equal(1.0, report.BCubedPrecision, 10);
        Assert.Equal(14.0 / 18, report.BCubedRecall, 10);
        Assert.Equal(2 * (14.0 / 18) / (1 + 14.0 / 18), report.BCubedF1, 10);
        var error = Assert.Single(report.Errors);
        Assert.Equal("Zorblat", error.Surface);
        Assert.Equal((1, 2), report.ByType["PER"] is var t ? (t.Correct - 3, t.Total - 3) : default);
    }

    [Fact]
    public void Two_gold_clusters_merged_into_one_local_id_count_as_one_error()
    {
        var doc = Fixture.Doc("[Meier|PER|@a] kam. [Meier|PER|@b] ging.", "2025-12-18");
        var report = LinkingEvaluator.Evaluate([doc], Fixture.Stage);
        Assert.Equal(1, report.Correct);
        Assert.Equal(0.5, report.BCubedPrecision, 10);
    }

    [Fact]
    public void Predicted_mentions_are_matched_by_span_and_missing_ones_are_wrong()
    {
        var doc = Fixture.Doc("[Putin|PER|Q7747] traf [Merz|PER|kb:merz].", "2025-12-18");
        // The "NER" finds only the first mention.
        var report = LinkingEvaluator.Evaluate([doc], Fixture.Stage, article =>
            SimpleTokenizer.Analyse(article).With(new Layer<EntityMention>(LayerName.Entities, new Producer("fake-ner"),
                [new EntityMention(0, 5, EntityType.Person, EntityFlags.None, 0, 0.9f)])));
        Assert.Equal(LinkingEvaluator.PredictedMentionsMode, report.Mode);
        Assert.Equal(1, report.Correct);
        Assert.Equal("(no link)", Assert.Single(report.Errors).Predicted);
    }

    [Fact]
    public void Gold_markup_parses_headers_types_and_multiple_ids()
    {
        var doc = GoldSet.Parse("x", "# date: 2025-12-18\n# comment\n[amerikanisch-russischen|LOCderiv|Q159+Q30] Gespräche mit [Putin-Berater|PERpart|Q7747]");
        Assert.Equal(new DateOnly(2025, 12, 18), doc.Date);
        Assert.Equal("amerikanisch-russischen Gespräche mit Putin-Berater", doc.Text);
        Assert.Equal(["Q159", "Q30"], doc.Mentions[0].Expected.ToArray());
        Assert.Equal(EntityFlags.Deriv, doc.Mentions[0].Flags);
        Assert.Equal(EntityFlags.Part, doc.Mentions[1].Flags);
        Assert.Throws<FormatException>(() => GoldSet.Parse("x", "[Putin|XYZ|Q7747]"));
        Assert.Throws<FormatException>(() => GoldSet.Parse("x", "[Putin|PER"));
    }
}
