using Depesche.Core;
using Depesche.Quotes;
using Depesche.Text;

namespace Depesche.Quotes.Tests;

/// <summary>Runs the tokenizer and the quote stage over a text, and renders quotes as strings for readable asserts.</summary>
internal static class QuoteTestKit
{
    public static Analysis Analyse(string text, string? agency = "dpa-AFX", Func<Analysis, Layer<EntityMention>>? entities = null)
    {
        var article = new Article
        {
            Id = Article.IdFromText(text),
            Text = text,
            Body = new TextRange(0, text.Length),
            Source = new ArticleSource { Agency = agency },
        };
        var analysis = new Analysis(article);
        foreach (var layer in new TokenizerStage().Run(analysis)) analysis = analysis.With(layer);
        if (entities is not null) analysis = analysis.With(entities(analysis));
        foreach (var layer in new QuoteStage().Run(analysis)) analysis = analysis.With(layer);
        return analysis;
    }

    /// <summary>
    /// An analysis of pre-split sentences (tokens separated by single spaces), the way SpkAtt gold tokenizes them, with
    /// the quote layer added. For rules that depend on where a sentence ends, such as a colon that closes one.
    /// </summary>
    public static Analysis AnalyseSentences(params string[] sentences)
    {
        var doc = new Depesche.Quotes.Evaluation.SpkAttDocument("test",
            [.. sentences.Select(s => System.Collections.Immutable.ImmutableArray.Create(s.Split(' ')))], []);
        var analysis = doc.ToAnalysis("dpa-AFX");
        foreach (var layer in new QuoteStage().Run(analysis)) analysis = analysis.With(layer);
        return analysis;
    }

    public static IReadOnlyList<Quote> Quotes(string text, string? agency = "dpa-AFX") =>
        Analyse(text, agency).Get<Layer<Quote>>(LayerName.Quotes).Items;

    public static string Slice(this Analysis a, int start, int end) => a.Text[start..end];
    public static string MessageText(this Analysis a, Quote q) => a.Text[q.Start..q.End];
    public static string CueText(this Analysis a, Quote q) => q.Cue.IsEmpty ? "" : string.Join(" … ", q.Cue.Parts.Select(p => a.Text[p.Start..p.End]));
    public static string SpeakerText(this Analysis a, Quote q) => q.Speaker.IsEmpty ? "" : a.Text[q.Speaker.Start..q.Speaker.End];
    public static string ReferentText(this Analysis a, Quote q) => q.Speaker.IsEmpty ? "" : a.Text[q.Speaker.ReferentStart..q.Speaker.ReferentEnd];
    public static string ChainText(this Analysis a, Quote q) =>
        string.Join(" <- ", q.Sources.Select(l => (l.Name ?? a.Text[l.Start..l.End]) + ":" + l.Kind + (l.Anonymous ? "(anon)" : "")));
}
