using Depesche.Core;
using Depesche.Ingest;
using Depesche.Text;
using Depesche.Time;

namespace Depesche.Events.Tests;

/// <summary>Reads wire text, runs tokenizer, time tagger and the event stage (no NER: the lexicon fallbacks).</summary>
internal static class EventTestKit
{
    public static (Analysis A, IReadOnlyList<EventMention> Events) Run(string wireText)
    {
        var article = WireTextParser.Parse(wireText, new SourceLocation("test"));
        var a = new Analysis(article);
        foreach (var stage in new IStage[] { new TokenizerStage(), new TimeStage(), new EventStage() })
            foreach (var l in stage.Run(a)) a = a.With(l);
        return (a, a.Get<Layer<EventMention>>(LayerName.Events).Items);
    }

    /// <summary><c>CONSULT planned [USA, Ukraine] @Miami 2025-12-20</c>: type, status, actor names in order, place, time.</summary>
    public static string Render(EventMention e) =>
        $"{EventNames.Of(e.Type)} {EventNames.Of(e.Status)} [{string.Join(", ", e.Actors.Select(x => x.Name))}] @{e.Place?.Name ?? "-"} {e.Time?.Value ?? "-"}";
}
