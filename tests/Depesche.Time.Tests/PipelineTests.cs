using Depesche.Core;
using Depesche.Text;
using Depesche.Time;
using Xunit;

namespace Depesche.Time.Tests;

/// <summary>The stage behind the project tokenizer and sentence splitter, on a wire-style text written for this test.</summary>
public sealed class PipelineTests
{
    [Fact]
    public void Tokenizer_then_time_stage_on_a_wire_text()
    {
        const string text = "BERLIN (dpa-AFX) - Die Gespräche sollen am kommenden Wochenende weitergehen. "
            + "Am Sonntag und Montag hatte es in Berlin bereits Treffen gegeben. "
            + "Eine Einigung werde im Augenblick nicht erwartet, hieß es am Donnerstag.";
        var article = new Article
        {
            Id = "w1",
            Text = text,
            Body = new TextRange(0, text.Length),
            Source = new ArticleSource { Published = new PublicationTime(new DateOnly(2025, 12, 18)) },
        };
        var pipeline = Pipeline.Build([new TokenizerStage(), new TimeStage()]);
        var analysis = pipeline.Run(article, strict: true);
        var times = analysis.Get<Layer<TimeExpression>>(LayerName.Times);
        Assert.Equal(
            "kommenden Wochenende => 2025-W51-WE | Sonntag => 2025-12-14 | Montag => 2025-12-15 | im Augenblick => PRESENT_REF | Donnerstag => 2025-12-18",
            TaggerAssert.Format(text, times.Items));
    }
}
