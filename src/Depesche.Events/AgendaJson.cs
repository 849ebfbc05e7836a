using System.Globalization;
using System.Text.Json;
using Depesche.Core;

namespace Depesche.Events;

/// <summary>
/// The JSON form of agenda items (the contract <c>depesche agenda --json</c> prints and a web page can consume).
/// Enum values are stable lower-case names; dates are <c>yyyy-MM-dd</c>; every claim names its article id.
/// </summary>
public static class AgendaJson
{
    public static void Write(Utf8JsonWriter w, AgendaItem i)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(i);
        w.WriteStartObject();
        w.WriteString("id", i.Id);
        w.WriteString("title", i.Title);
        w.WriteStartObject("when");
        w.WriteString("label", i.When.Label);
        w.WriteString("value", i.When.Value);
        if (i.When.Mod is null) w.WriteNull("mod"); else w.WriteString("mod", i.When.Mod);
        w.WriteString("precision", Name(i.When.Precision));
        w.WriteString("from", Day(i.When.From));
        w.WriteString("to", Day(i.When.To));
        w.WriteEndObject();
        w.WriteString("type", EventNames.Of(i.Type));
        if (i.Mode == EventMode.None) w.WriteNull("mode"); else w.WriteString("mode", EventNames.Of(i.Mode));
        w.WriteString("status", EventNames.Of(i.Status));
        w.WriteBoolean("unconfirmed", i.Unconfirmed);
        w.WriteNumber("confidence", Math.Round(i.Confidence, 3));
        w.WriteStartArray("actors");
        foreach (var a in i.Actors)
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            if (a.EntityId is null) w.WriteNull("entity"); else w.WriteString("entity", a.EntityId);
            w.WriteString("role", a.Role == ActorRole.Source ? "source" : "target");
            if (a.Code is null) w.WriteNull("code"); else w.WriteString("code", a.Code);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (i.Place is null) w.WriteNull("place");
        else
        {
            w.WriteStartObject("place");
            w.WriteString("name", i.Place);
            if (i.PlaceId is null) w.WriteNull("entity"); else w.WriteString("entity", i.PlaceId);
            w.WriteEndObject();
        }
        w.WriteStartArray("claims");
        foreach (var c in i.Claims)
        {
            w.WriteStartObject();
            w.WriteString("article", c.ArticleId);
            w.WriteNumber("index", c.Index);
            if (c.Published is { } p) w.WriteString("published", Day(p)); else w.WriteNull("published");
            w.WriteString("change", Name(c.Change));
            w.WriteString("status", EventNames.Of(c.Status));
            w.WriteBoolean("unconfirmed", c.Unconfirmed);
            Str(w, "source", c.Source);
            Str(w, "attribution", c.Attribution);
            w.WriteStartArray("sourceChain");
            foreach (var s in c.SourceChain) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteStartArray("alsoAttributed");
            foreach (var s in c.AlsoAttributed.IsDefault ? [] : c.AlsoAttributed) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteString("via", c.Via);
            Str(w, "date", c.Date);
            w.WriteNumber("confidence", Math.Round(c.Confidence, 3));
            Str(w, "url", c.Url);
            Str(w, "evidence", c.Evidence);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("resolution");
        w.WriteString("kind", Name(i.Resolution.Kind));
        w.WriteString("text", i.Resolution.Text);
        Str(w, "article", i.Resolution.ArticleId);
        Str(w, "source", i.Resolution.Source);
        if (i.Resolution.Reported is { } r) w.WriteString("reported", Day(r)); else w.WriteNull("reported");
        w.WriteEndObject();
        w.WriteStartArray("mergeReasons");
        foreach (var s in i.MergeReasons) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string Name(DatePrecision p) => p switch
    {
        DatePrecision.PartOfWeek => "part-of-week",
        _ => p.ToString().ToLowerInvariant(),
    };

    public static string Name(ClaimChange c) => c.ToString().ToLowerInvariant();

    public static string Name(ResolutionKind k) => k switch
    {
        ResolutionKind.NoReport => "no-report",
        _ => k.ToString().ToLowerInvariant(),
    };

    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
