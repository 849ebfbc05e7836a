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
    /// <summary>The article's most frequent stemmed terms with their counts (headline counted twice), for story clustering.</summary>
    public required IReadOnlyList<TermCount> StoryTerms { get; init; }
    /// <summary>Distinct lower-cased names of its PER, ORG and LOC mentions (and persons' surnames), for story clustering.</summary>
    public required IReadOnlyList<string> EntityKeys { get; init; }
    /// <summary>The entity mentions' texts joined with " | " (the full-text column of the entities).</summary>
    public required string EntityNames { get; init; }
    /// <summary>Column values derived once here, on the thread that prepares the record, not in the write transaction.</summary>
    public required string StoryTermsText { get; init; }
    public required string EntityKeysText { get; init; }
    public required byte[] SignatureBytes { get; init; }
    /// <summary>The 16 LSH band hashes of <see cref="Signature"/>; empty when the body has no shingles.</summary>
    public required long[] BandHashes { get; init; }

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
        var signature = MinHashSignature.Of(body);
        var storyTerms = StoryFeatures.TopTerms(a.Headline is { } hh ? hh.Slice(text) : a.Title, body);
        var entityKeys = StoryFeatures.EntityKeys(entities, a.DatelineRange, a.TrailerRange);
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
            AnalysisJson = Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length),
            Entities = entities,
            Times = times,
            Rows = LayerRows.From(analysis, identity),
            AgencyKey = src.Agency?.Trim().ToLowerInvariant(),
            DatelineKey = src.Datelines.IsDefaultOrEmpty ? null : src.Datelines[0].Place.Trim().ToLowerInvariant(),
            Signature = signature,
            StoryTerms = storyTerms,
            EntityKeys = entityKeys,
            EntityNames = string.Join(" | ", entities.Select(e => e.Text)),
            StoryTermsText = StoryFeatures.FormatTerms(storyTerms),
            EntityKeysText = string.Join('|', entityKeys),
            SignatureBytes = signature.ToBytes(),
            BandHashes = signature.Shingles > 0 ? signature.BandHashes() : [],
        };
    }
}

/// <summary>
/// An analysis turned into the rows the store writes (metadata, entity and time rows, quote and event rows, the
/// analysis JSON, the similarity signature and story features). Building one is pure CPU work that needs no store,
/// so <see cref="Ingestor"/> does it on its analysis threads and the single writer only runs SQL; the analysis itself
/// can be dropped once this is built, which keeps memory per article in flight small.
/// </summary>
public sealed class PreparedArticle
{
    private PreparedArticle(Article article, IReadOnlyList<StageFailure> failures, ArticleRecord record)
    {
        Article = article;
        Failures = failures;
        Record = record;
    }

    public Article Article { get; }

    /// <summary>The stages that failed on this article (the analysis is stored without their layers).</summary>
    public IReadOnlyList<StageFailure> Failures { get; }

    internal ArticleRecord Record { get; }

    /// <summary>Thread-safe: depends on the analysis only.</summary>
    public static PreparedArticle Of(Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new PreparedArticle(analysis.Article, [.. analysis.Failures], ArticleRecord.From(analysis));
    }
}

internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
