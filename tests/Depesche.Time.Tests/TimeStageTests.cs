using Depesche.Core;
using Depesche.Time;
using Xunit;

namespace Depesche.Time.Tests;

/// <summary>The stage contract: declarations, pipeline build, layer output and anchoring on the publication date.</summary>
public sealed class TimeStageTests
{
    // Why: the project tokenizer lives in Depesche.Text (another branch); a whitespace tokenizer is enough here,
    // because the stage reads only sentence ranges.
    private static Analysis Prepare(string text, PublicationTime? published)
    {
        var article = new Article { Id = "t1", Text = text, Source = new ArticleSource { Published = published } };
        var sentences = SimpleSentences.Split(text);
        var builder = new TokenTableBuilder(text);
        var first = new List<int>();
        var end = new List<int>();
        for (int s = 0; s < sentences.Count; s++)
        {
            first.Add(builder.Count);
            int i = sentences[s].Start;
            while (i < sentences[s].End)
            {
                if (char.IsWhiteSpace(text[i])) { i++; continue; }
                int j = i;
                while (j < sentences[s].End && !char.IsWhiteSpace(text[j])) j++;
                builder.Add(i, j, TokenKind.Word, TokenFlags.None, s);
                i = j;
            }
            end.Add(builder.Count);
        }
        var tokens = builder.Build(new Producer("test.whitespace"));
        var table = new SentenceTable(tokens, sentences.Select(r => r.Start).ToArray(), sentences.Select(r => r.End).ToArray(), first.ToArray(), end.ToArray(), new Producer("test.sentences"));
        return new Analysis(article).With(tokens).With(table);
    }

    [Fact]
    public void Declares_id_requirements_and_product()
    {
        var stage = new TimeStage();
        Assert.Equal("time.rules.v1", stage.Id);
        Assert.Equal([LayerName.Tokens, LayerName.Sentences], stage.Requires);
        Assert.Equal([LayerName.Times], stage.Produces);
    }

    [Fact]
    public void Pipeline_refuses_the_stage_without_sentences()
    {
        var ex = Assert.Throws<PipelineBuildException>(() => Pipeline.Build([new TimeStage()]));
        Assert.Contains(ex.Problems, p => p.Contains("sentences", StringComparison.Ordinal));
    }

    [Fact]
    public void Produces_a_times_layer_anchored_on_the_publication_date()
    {
        const string text = "Am Freitag und Samstag wird das Team in den USA sein. In Berlin hatte es am Sonntag Gespräche gegeben.";
        var analysis = Prepare(text, new PublicationTime(new DateOnly(2025, 12, 18)));
        var layers = new TimeStage().Run(analysis);
        var layer = Assert.IsType<Layer<TimeExpression>>(Assert.Single(layers));
        Assert.Equal(LayerName.Times, layer.Name);
        Assert.Equal("time.rules.v1", layer.Producer.StageId);
        Assert.Equal("Freitag => 2025-12-19 | Samstag => 2025-12-20 | Sonntag => 2025-12-14", TaggerAssert.Format(text, layer.Items));
        Assert.All(layer.Items, t => Assert.Equal(TimexType.Date, t.Type));
    }

    [Fact]
    public void A_late_evening_utc_timestamp_is_the_next_day_in_Berlin()
    {
        // 23:30 UTC on 18 December is 00:30 on 19 December in Berlin: "gestern" is then the 18th.
        var published = new PublicationTime(new DateOnly(2025, 12, 18), new TimeOnly(23, 30), TimeSpan.Zero);
        Assert.Equal(new DateOnly(2025, 12, 19), GermanTimeTagger.LocalDate(published, "Europe/Berlin"));
        var analysis = Prepare("Gestern wurde abgestimmt.", published);
        var layer = (Layer<TimeExpression>)new TimeStage().Run(analysis)[0];
        Assert.Equal("2025-12-18", Assert.Single(layer.Items).Value);
    }

    [Fact]
    public void An_undated_article_keeps_what_the_text_fixes_and_underspecifies_the_rest()
    {
        const string text = "Am 3. Oktober 2025 wurde gewählt. Am 3. Oktober wird gefeiert, am Freitag um 9 Uhr beginnt es, für drei Tage.";
        var layer = (Layer<TimeExpression>)new TimeStage().Run(Prepare(text, null))[0];
        var values = layer.Items.Select(t => text[t.Start..t.End] + " => " + t.Value).ToList();
        Assert.Contains("3. Oktober 2025 => 2025-10-03", values);
        Assert.Contains("3. Oktober => XXXX-10-03", values);
        Assert.Contains(values, v => v.StartsWith("Freitag", StringComparison.Ordinal) && v.Contains("XXXX-XX-XX", StringComparison.Ordinal));
        Assert.Contains(values, v => v.StartsWith("drei Tage", StringComparison.Ordinal) && v.EndsWith("P3D", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2001-10-03", "2002-10-03", "XXXX-10-03")]
    [InlineData("2001-W11", "2002-W29", "XXXX-WXX")]
    [InlineData("2001-03-14T09:00", "2002-07-19T09:00", "XXXX-XX-XXT09:00")]
    [InlineData("2001-03-14", "2002-07", "XXXX-XX-XX")]
    [InlineData("2001-Q1", "2002-SU", "XXXX-XX-XX")]
    public void Anchor_dependent_digits_become_X_by_whole_fields(string a, string b, string expected) =>
        Assert.Equal(expected, TimeStage.Underspecified(a, b));

    [Fact]
    public void Output_is_sorted_and_inside_the_text()
    {
        const string text = "Vom 3. bis 5. März 2026 tagt der Rat, jeden Montag um 9 Uhr, seit fast vier Jahren.";
        var layer = (Layer<TimeExpression>)new TimeStage().Run(Prepare(text, new PublicationTime(new DateOnly(2025, 12, 18))))[0];
        Assert.True(layer.Count >= 4);
        for (int i = 0; i < layer.Count; i++)
        {
            Assert.InRange(layer[i].Start, 0, layer[i].End - 1);
            Assert.True(layer[i].End <= text.Length);
            if (i > 0) Assert.True(layer[i - 1].End <= layer[i].Start, "expressions overlap");
        }
    }
}
