using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Depesche.Core;
using Depesche.Core.Json;
using Json = Depesche.Core.Json.AnalysisJson;

namespace Depesche.Storage;

/// <summary>
/// The flat rows the store derives from an <see cref="Analysis"/>: article metadata, entity mentions, time
/// expressions, and the similarity signature. Built from Core types only; no stage internals.
/// </summary>
internal sealed class ArticleRecord
{
    public required string Id { get; init; }
    public required string ContentHash { get; init; }
    public string? Published { get; init; }
    public string? PublishedDate { get; init; }
    public string? Agency { get; init; }
    public string? Outlet { get; init; }
    public string? Url { get; init; }
    public string? Headline { get; init; }
    public required string Text { get; init; }
    public required string DatelinesJson { get; init; }
    public required string EditorCodesJson { get; init; }
    public required string VersionMarkersJson { get; init; }
    public bool HasVersionMarker { get; init; }
    public string? OriginFile { get; init; }
    public long? OriginLine { get; init; }
    public long? OriginByte { get; init; }
    public required string AnalysisJson { get; init; }
    public required IReadOnlyList<StoredEntity> Entities { get; init; }
    public required IReadOnlyList<StoredTime> Times { get; init; }
    /// <summary>Entity identity, quote and event rows from the links, quotes and events layers.</summary>
    public required LayerRows Rows { get; init; }
    /// <summary>Lower-cased agency and first dateline place: the key for finding earlier versions.</summary>
    public string? AgencyKey { get; init; }
    public string? DatelineKey { get; init; }
    public required MinHashSignature Signature { get; init; }
    /// <summary>The article's most frequent stemmed terms (headline counted twice), for story clustering.</summary>
    public required IReadOnlyList<string> StoryTerms { get; init; }
    /// <summary>Distinct lower-cased names of its PER, ORG and LOC mentions, for story clustering.</summary>
    public required IReadOnlyList<string> EntityKeys { get; init; }
    public string EntityNames => string.Join(" | ", Entities.Select(e => e.Text));

    private static readonly AnalysisJsonOptions JsonOptions = new() { Tokens = false, Text = true };

    public static ArticleRecord From(Analysis analysis)
    {
        var a = analysis.Article;
        var text = a.Text;
        var src = a.Source;
        var entities = new List<StoredEntity>();
        var identity = LayerRows.MentionIdentity(analysis.Find<LinkLayer>(LayerName.Links));
        if (analysis.Find<Layer<EntityMention>>(LayerName.Entities) is { } el)
            for (int i = 0; i < el.Count; i++)
            {
                var e = el[i];
                string? id = null, name = null;
                if (identity.TryGetValue(i, out var ident)) (id, name) = ident;
                entities.Add(new StoredEntity(e.Start, e.End, text[e.Start..e.End], Json.TypeName(e.Type), e.Flags, e.Level, Math.Round(e.Confidence, 3), id, name));
            }
        var times = new List<StoredTime>();
        if (analysis.Find<Layer<TimeExpression>>(LayerName.Times) is { } tl)
            foreach (var t in tl.Items)
                times.Add(new StoredTime(t.Start, t.End, text[t.Start..t.End], t.Type.ToString().ToUpperInvariant(), t.Value, t.Mod == TimexMod.None ? null : Json.ModName(t.Mod)));

        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Json.WriterOptions()))
            Json.Write(w, analysis, JsonOptions);

        var body = a.Body.IsEmpty ? text : a.Body.Slice(text);
        return new ArticleRecord
        {
            Id = a.Id,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            Published = src.Published?.ToString(),
            PublishedDate = src.Published?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Agency = src.Agency,
            Outlet = src.Outlet,
            Url = src.Url,
            Headline = a.Headline is { } h ? h.Slice(text) : a.Title,
            Text = text,
            DatelinesJson = JsonSerializer.Serialize(src.Datelines.Select(d => d.Place).ToArray()),
            EditorCodesJson = JsonSerializer.Serialize(src.EditorCodes.Select(c => c.Code).ToArray()),
            VersionMarkersJson = JsonSerializer.Serialize(src.VersionMarkers.Select(v => new StoredVersionMarker(Json.KindName(v.Kind), v.Number, v.Range.Slice(text))).ToArray(), StoreJson.Options),
            HasVersionMarker = !src.VersionMarkers.IsDefaultOrEmpty,
            OriginFile = a.Origin.File,
            OriginLine = a.Origin.Line,
            OriginByte = a.Origin.Byte,
            AnalysisJson = Encoding.UTF8.GetString(ms.ToArray()),
            Entities = entities,
            Times = times,
            Rows = LayerRows.From(analysis, identity),
            AgencyKey = src.Agency?.Trim().ToLowerInvariant(),
            DatelineKey = src.Datelines.IsDefaultOrEmpty ? null : src.Datelines[0].Place.Trim().ToLowerInvariant(),
            Signature = MinHashSignature.Of(body),
            StoryTerms = StoryFeatures.TopTerms(a.Headline is { } hh ? hh.Slice(text) : a.Title, body),
            EntityKeys = entities.Where(e => e.Type != "OTH").Select(e => e.Text.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
    }
}

internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
