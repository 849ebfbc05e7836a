using Depesche.Core;
using Xunit;

namespace Depesche.Core.Tests;

public class PipelineTests
{
    private static readonly LayerName A = new("a");
    private static readonly LayerName B = new("b");

    private sealed record FakeLayer(LayerName Name, Producer Producer, int Count = 0) : ILayer;

    private sealed class FakeStage(string id, LayerName[] requires, LayerName[] produces, Func<Analysis, IReadOnlyList<ILayer>>? run = null) : IStage
    {
        public string Id => id;
        public string Description => "fake";
        public IReadOnlyList<LayerName> Requires => requires;
        public IReadOnlyList<LayerName> Produces => produces;
        public int Calls { get; private set; }

        public IReadOnlyList<ILayer> Run(Analysis input)
        {
            Calls++;
            return run is not null ? run(input) : produces.Select(p => (ILayer)new FakeLayer(p, new Producer(id))).ToList();
        }
    }

    private static Article Article(string text = "Ein Text.") => new() { Id = Core.Article.IdFromText(text), Text = text, Body = new TextRange(0, text.Length) };

    [Fact]
    public void Build_refuses_unmet_requirements_and_lists_every_problem()
    {
        var ex = Assert.Throws<PipelineBuildException>(() => Pipeline.Build([
            new FakeStage("needs-b", [B], [A]),
            new FakeStage("makes-a-again", [], [A]),
        ]));
        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.Contains("requires 'b'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("already produced", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_does_not_reorder_stages()
    {
        // Why: Catalyst silently re-sorted its pipeline; we refuse instead, so the order on screen is the order run.
        Assert.Throws<PipelineBuildException>(() => Pipeline.Build([new FakeStage("uses-a", [A], [B]), new FakeStage("makes-a", [], [A])]));
    }

    [Fact]
    public void Build_refuses_duplicate_stage_ids()
    {
        var ex = Assert.Throws<PipelineBuildException>(() => Pipeline.Build([new FakeStage("x", [], [A]), new FakeStage("x", [], [B])]));
        Assert.Contains(ex.Problems, p => p.Contains("twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_adds_layers_in_order_and_leaves_the_input_untouched()
    {
        var p = Pipeline.Build([new FakeStage("s1", [LayerName.Article], [A]), new FakeStage("s2", [A], [B])]);
        var article = Article();
        var result = p.Run(article);
        Assert.True(result.Has(A));
        Assert.True(result.Has(B));
        Assert.Same(article, result.Article);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public void A_failing_stage_is_recorded_and_its_dependents_are_skipped()
    {
        var dependent = new FakeStage("s2", [A], [B]);
        var p = Pipeline.Build([new FakeStage("s1", [], [A], _ => throw new FormatException("boom")), dependent]);
        var result = p.Run(Article());
        var failure = Assert.Single(result.Failures);
        Assert.Equal("s1", failure.StageId);
        Assert.Equal(nameof(FormatException), failure.ExceptionType);
        Assert.False(result.Has(B));
        Assert.Equal(0, dependent.Calls);
    }

    [Fact]
    public void Strict_mode_propagates_a_stage_failure()
    {
        var p = Pipeline.Build([new FakeStage("s1", [], [A], _ => throw new FormatException("boom"))]);
        Assert.Throws<FormatException>(() => p.Run(Article(), strict: true));
    }

    [Fact]
    public void A_stage_returning_an_undeclared_layer_is_a_programmer_error()
    {
        var p = Pipeline.Build([new FakeStage("liar", [], [A], _ => [new FakeLayer(B, new Producer("liar"))])]);
        Assert.Throws<InvalidOperationException>(() => p.Run(Article()));
    }

    [Fact]
    public void Explain_lists_stages_with_requires_and_produces()
    {
        var text = Pipeline.Build([new FakeStage("s1", [LayerName.Article], [A]), new FakeStage("s2", [A], [B])]).Explain();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("s2", lines[2], StringComparison.Ordinal);
        Assert.Matches(@"s2\s+a\s+b", lines[2]);
    }
}
