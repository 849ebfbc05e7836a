using System.Text.Json;
using Depesche.Core.Json;
using Xunit;

namespace Depesche.Quotes.Tests;

public class QuoteJsonTests
{
    [Fact]
    public void Quotes_are_written_with_cue_speaker_chain_and_flags()
    {
        var a = QuoteTestKit.Analyse("Die Truppen seien abgezogen, teilte Präsident Sandu nach Angaben der Nachrichtenagentur Reuters mit. \"Wir sind erleichtert\", sagte sie.");
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, AnalysisJson.WriterOptions()))
            AnalysisJson.Write(w, a, new AnalysisJsonOptions { Tokens = false });
        using var doc = JsonDocument.Parse(ms.ToArray());
        var quotes = doc.RootElement.GetProperty("quotes");
        Assert.Equal(2, quotes.GetArrayLength());

        var q = quotes[0];
        Assert.Equal("Die Truppen seien abgezogen", q.GetProperty("text").GetString());
        Assert.Equal("indirect", q.GetProperty("kind").GetString());
        Assert.Equal(0, q.GetProperty("start").GetInt32());
        Assert.Equal("teilte … mit", q.GetProperty("cue").GetProperty("text").GetString());
        Assert.Equal(2, q.GetProperty("cue").GetProperty("parts").GetArrayLength());
        Assert.Equal("Präsident Sandu", q.GetProperty("speaker").GetProperty("text").GetString());
        Assert.Equal("entity", q.GetProperty("speaker").GetProperty("kind").GetString());
        var sources = q.GetProperty("sources").EnumerateArray().Select(s => (s.GetProperty("text").GetString(), s.GetProperty("kind").GetString())).ToList();
        Assert.Equal([("Präsident Sandu", "speaker"), ("Nachrichtenagentur Reuters", "agency"), ("dpa-AFX", "agency")], sources);
        Assert.Equal(["singleSource"], q.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        var d = quotes[1];
        Assert.Equal("direct", d.GetProperty("kind").GetString());
        Assert.Equal("Sandu", d.GetProperty("speaker").GetProperty("text").GetString());
        Assert.Equal("pronoun", d.GetProperty("speaker").GetProperty("kind").GetString());
        Assert.Equal("sie", d.GetProperty("speaker").GetProperty("mention").GetProperty("text").GetString());
        Assert.Equal("quotes.rules.v1", doc.RootElement.GetProperty("producers").GetProperty("quotes").GetString());
    }
}
