using System.Diagnostics;
using Depesche.Core;
using Depesche.Knowledge.Evaluation;
using Depesche.Testing;
using Depesche.Text;
using Xunit;
using Xunit.Abstractions;

namespace Depesche.Knowledge.Tests;

/// <summary>
/// Linking cost next to tokenization on the gold articles. Timing in unit tests is noisy, so the bound is loose; the
/// figures printed here (run with -c Release) are the ones in the report.
/// </summary>
public class SpeedTests(ITestOutputHelper output)
{
    [Fact]
    public void Linking_costs_less_than_tokenizing()
    {
        var gold = GoldSet.Load(Path.Combine(SharedData.RepoRoot, "tests", "gold", "linking"));
        var articles = gold.Select(d => d.ToArticle()).ToArray();
        var analyses = gold.Select(d => new Analysis(d.ToArticle()).With(TokenizerStage.Process(d.ToArticle()).Tokens)
            .With(TokenizerStage.Process(d.ToArticle()).Sentences).With(d.ToLayer())).ToArray();
        var stage = Fixture.Stage;
        for (int w = 0; w < 20; w++) foreach (var a in analyses) stage.Link(a);
        for (int w = 0; w < 20; w++) foreach (var a in articles) TokenizerStage.Process(a);

        // Why: the machine is shared; the fastest of several trials is the least disturbed one.
        const int rounds = 20;
        double tokenizeUs = double.MaxValue, linkUs = double.MaxValue;
        for (int trial = 0; trial < 15; trial++)
        {
            long t0 = Stopwatch.GetTimestamp();
            for (int r = 0; r < rounds; r++) foreach (var a in articles) TokenizerStage.Process(a);
            tokenizeUs = Math.Min(tokenizeUs, Stopwatch.GetElapsedTime(t0).TotalMicroseconds / (rounds * articles.Length));
            t0 = Stopwatch.GetTimestamp();
            for (int r = 0; r < rounds; r++) foreach (var a in analyses) stage.Link(a);
            linkUs = Math.Min(linkUs, Stopwatch.GetElapsedTime(t0).TotalMicroseconds / (rounds * analyses.Length));
        }
        double mentions = gold.Average(d => d.Mentions.Length);
        output.WriteLine($"per article ({mentions:F1} mentions, {articles.Average(a => a.Text.Length):F0} chars): tokenize+split {tokenizeUs:F1} µs, link {linkUs:F1} µs ({linkUs / tokenizeUs:P0} of tokenizing)");
        Assert.True(linkUs < 5 * tokenizeUs + 200, $"link {linkUs:F1} µs vs tokenize {tokenizeUs:F1} µs");
    }
}
