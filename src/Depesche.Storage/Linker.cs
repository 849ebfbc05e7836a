using System.Globalization;

namespace Depesche.Storage;

/// <summary>An earlier stored article that a new one may be a version or near-duplicate of.</summary>
internal sealed record LinkCandidate(string Id, long Seq, string StoryId, string? AgencyKey, string? DatelineKey, MinHashSignature Signature);

/// <summary>
/// Decides whether a new article is a version or a near-duplicate of one already stored, and says why.
/// <list type="number">
/// <item>Version: same agency and first dateline place, published within <see cref="VersionWindowDays"/> days, and
/// shingle similarity at least <see cref="VersionWithMarker"/> when the new article carries a version marker (WDH,
/// ROUNDUP, KORREKTUR …; a roundup adds paragraphs, so similarity drops) or <see cref="VersionWithoutMarker"/> when
/// it does not (a corrected text). The newest such article is the previous version.</item>
/// <item>Near-duplicate: any earlier article sharing a MinHash band with similarity at least
/// <see cref="NearDuplicate"/>, the most similar one (ties: the oldest). If it has the same agency and dateline it is
/// a version instead.</item>
/// </list>
/// A linked article joins the story of its target; otherwise it starts a story named by its own id.
/// </summary>
internal static class Linker
{
    public const double VersionWithMarker = 0.15;
    public const double VersionWithoutMarker = 0.5;
    public const double NearDuplicate = 0.6;
    public const int VersionWindowDays = 3;

    public static ArticleLink? Decide(ArticleRecord r, IReadOnlyList<LinkCandidate> versionCandidates, IReadOnlyList<LinkCandidate> bandCandidates)
    {
        double threshold = r.HasVersionMarker ? VersionWithMarker : VersionWithoutMarker;
        foreach (var c in versionCandidates.OrderByDescending(c => c.Seq))
        {
            double sim = r.Signature.Similarity(c.Signature);
            if (sim >= threshold) return VersionLink(r, c, sim, threshold);
        }
        LinkCandidate? best = null;
        double bestSim = 0;
        foreach (var c in bandCandidates.OrderBy(c => c.Seq))
        {
            double sim = r.Signature.Similarity(c.Signature);
            if (sim > bestSim) { best = c; bestSim = sim; }
        }
        if (best is null || bestSim < NearDuplicate) return null;
        if (r.AgencyKey is not null && r.DatelineKey is not null && best.AgencyKey == r.AgencyKey && best.DatelineKey == r.DatelineKey)
            return VersionLink(r, best, bestSim, NearDuplicate);
        return new ArticleLink(r.Id, best.Id, LinkKind.NearDuplicateOf, Math.Round(bestSim, 3),
            F($"near-duplicate: MinHash similarity of word 3-shingles {bestSim:F2} >= {NearDuplicate:F2}") +
            (best.AgencyKey != r.AgencyKey ? F($"; agency '{r.Agency()}' vs '{best.AgencyKey ?? "?"}'") : ""));
    }

    private static ArticleLink VersionLink(ArticleRecord r, LinkCandidate c, double sim, double threshold)
    {
        var markers = r.HasVersionMarker ? "version marker " + r.MarkerText() : "no version marker (corrected text)";
        return new ArticleLink(r.Id, c.Id, LinkKind.VersionOf, Math.Round(sim, 3),
            F($"version: same agency '{r.Agency}' and dateline '{r.DatelineKey?.ToUpperInvariant()}', {markers}, text similarity {sim:F2} >= {threshold:F2}"));
    }

    private static string Agency(this ArticleRecord r) => r.Agency ?? r.Outlet ?? "?";

    private static string MarkerText(this ArticleRecord r)
    {
        var markers = System.Text.Json.JsonSerializer.Deserialize<StoredVersionMarker[]>(r.VersionMarkersJson, StoreJson.Options) ?? [];
        return string.Join(", ", markers.Select(m => m.Text));
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
