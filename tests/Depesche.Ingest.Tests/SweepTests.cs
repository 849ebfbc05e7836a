using Depesche.Core;
using Depesche.Testing;
using Xunit;
using Xunit.Abstractions;
using static Depesche.Ingest.Tests.TestSupport;

namespace Depesche.Ingest.Tests;

/// <summary>Property checks over real German news text from ../shared: every parse keeps the range invariants.</summary>
public class SweepTests(ITestOutputHelper output)
{
    [SharedDataFact("data/10kgnad/test.csv")]
    public void Every_10kgnad_article_parses_with_valid_ranges()
    {
        var path = SharedData.Require("data/10kgnad/test.csv");
        int n = 0, datelines = 0, trailers = 0, headlines = 0, subheadings = 0;
        foreach (var line in File.ReadLines(path))
        {
            var semicolon = line.IndexOf(';', StringComparison.Ordinal);
            var text = line[(semicolon + 1)..].Trim('\'');
            var a = Wire(text);
            AssertRangesValid(a);
            n++;
            if (a.DatelineRange is not null) { datelines++; output.WriteLine("DATELINE " + a.DatelineRange.Value.Slice(a.Text)); }
            if (a.TrailerRange is not null) { trailers++; output.WriteLine("TRAILER " + a.TrailerRange.Value.Slice(a.Text) + " <- " + a.Text[Math.Max(0, a.TrailerRange.Value.Start - 40)..a.TrailerRange.Value.Start]); }
            if (a.Headline is not null) headlines++;
            subheadings += a.Subheadings.Length;
        }
        output.WriteLine($"{n} articles, {datelines} datelines, {trailers} trailers, {headlines} headlines, {subheadings} subheadings");
        Assert.True(n > 1000);
        Assert.Equal(0, trailers); // these articles carry no editor codes: any trailer would be a false positive
    }
}
