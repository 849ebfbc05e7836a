using System.Text.Json;
using Depesche.Events;
using Depesche.Storage;

namespace Depesche.Cli.Infrastructure;

/// <summary>
/// Event claims read back from a stored article's analysis JSON, completed with what only the stored record knows
/// (id, URL, agency or outlet, publication date). One place for <c>export events</c>, <c>agenda</c>, <c>brief</c> and the workbench.
/// </summary>
internal static class StoredClaims
{
    public static EventClaim Complete(EventClaim c, StoredArticle a) => c with
    {
        ArticleId = a.Id,
        Url = c.Url ?? a.Url,
        Source = c.Source ?? a.Agency ?? a.Outlet,
        Published = c.Published ?? a.PublishedDate,
    };

    /// <summary>
    /// Adds the claims <paramref name="read"/> finds in one article. An unreadable analysis is counted in
    /// <paramref name="bad"/> and named on stderr, never thrown: one article must not stop a listing.
    /// </summary>
    public static void Add<T>(StoredArticle a, Func<JsonElement, string, IEnumerable<T>> read, List<T> into, CliConsole? console, string verb, ref int bad)
    {
        try
        {
            using var doc = JsonDocument.Parse(a.AnalysisJson);
            into.AddRange(read(doc.RootElement, a.Id));
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            bad++;
            console?.Error.WriteLine($"depesche: {verb}: article {a.Id}: {ex.Message}");
        }
    }

    /// <summary>The agenda's claims of one article (<see cref="AgendaClaimReader"/>), completed.</summary>
    public static void AddDated(StoredArticle a, List<DatedClaim> into, CliConsole? console, string verb, ref int bad) =>
        Add(a, (json, id) => AgendaClaimReader.Read(json, id).Select(d => d with { Claim = Complete(d.Claim, a) }), into, console, verb, ref bad);
}
