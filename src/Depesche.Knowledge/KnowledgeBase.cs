using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Depesche.Core;

namespace Depesche.Knowledge;

/// <summary>
/// Entities (people, organisations, media, places), offices with dated holders, and title stems, indexed by
/// <see cref="AliasKey"/> for lookups without allocation. Built once; immutable and thread-safe afterwards.
/// <para>Sources: the curated TSV files under <c>data/kb/</c> (embedded in this assembly), optionally GeoNames and
/// Debian iso-codes imported by path (<see cref="Build"/>). A built KB is saved as a folder of the same TSV files.</para>
/// </summary>
public sealed partial class KnowledgeBase
{
    internal const string OfficesFile = "offices.tsv";
    internal const string TitlesFile = "titles.tsv";

    private readonly ImmutableArray<KbEntity> _entities;
    private readonly Dictionary<string, KbEntity> _byId;
    private readonly Dictionary<string, KbEntity> _byKey;
    private readonly Dictionary<string, AliasEntry[]> _aliases;
    private readonly Dictionary<string, AliasEntry[]>.AlternateLookup<ReadOnlySpan<char>> _aliasLookup;
    private readonly Dictionary<string, AliasEntry[]> _stems;
    private readonly Dictionary<string, AliasEntry[]>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;
    private readonly Dictionary<string, KbEntity[]> _derived;
    private readonly Dictionary<string, KbEntity[]>.AlternateLookup<ReadOnlySpan<char>> _derivedLookup;
    private readonly Dictionary<string, KbTitle> _titles;
    private readonly Dictionary<string, KbTitle>.AlternateLookup<ReadOnlySpan<char>> _titleLookup;
    private readonly HashSet<string> _titleEndings;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _titleEndingLookup;
    private readonly int _maxTitle;
    private readonly Dictionary<string, KbOffice> _officeTitles;
    private readonly Dictionary<string, KbOffice>.AlternateLookup<ReadOnlySpan<char>> _officeTitleLookup;
    private readonly Dictionary<string, KbOffice> _offices;
    private readonly Dictionary<(string Role, string Of), KbOffice> _officeByRole;
    private readonly Dictionary<string, (KbEntity Holder, OfficeTerm Term)[]> _holders;

    internal readonly record struct AliasEntry(KbEntity Entity, AliasForm Form);

    private KnowledgeBase(IEnumerable<KbEntity> entities, IEnumerable<KbOffice> offices, IEnumerable<KbTitle> titles, string version)
    {
        _entities = entities.ToImmutableArray();
        Version = version;
        _byId = new(StringComparer.Ordinal);
        _byKey = new(StringComparer.Ordinal);
        var aliases = new Dictionary<string, List<AliasEntry>>(StringComparer.Ordinal);
        var derived = new Dictionary<string, List<KbEntity>>(StringComparer.Ordinal);
        foreach (var e in _entities)
        {
            if (!_byKey.TryAdd(e.Key, e)) throw new ArgumentException($"KB key '{e.Key}' appears twice.");
            _byId.TryAdd(e.Id, e);
            AddAlias(aliases, e.Name, e, AliasForm.Name);
            foreach (var a in e.Aliases)
            {
                bool metonym = a.StartsWith('~');
                AddAlias(aliases, metonym ? a[1..] : a, e, metonym ? AliasForm.Metonym : AliasForm.Alias);
            }
            if (e.IsPerson)
            {
                AddSurname(aliases, e.Name, e);
                foreach (var a in e.Aliases) AddSurname(aliases, a, e);
            }
            foreach (var d in e.Derived)
            {
                var k = AliasKey.Normalize(d);
                if (k.Length == 0) continue;
                if (!derived.TryGetValue(k, out var list)) derived[k] = list = [];
                if (!list.Contains(e)) list.Add(e);
            }
        }
        _aliases = aliases.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _aliasLookup = _aliases.GetAlternateLookup<ReadOnlySpan<char>>();
        // Why: multi-word names are declined word by word (der Internationale Währungsfonds, des Europäischen Parlaments).
        var stems = new Dictionary<string, List<AliasEntry>>(StringComparer.Ordinal);
        foreach (var (key, entries) in _aliases)
        {
            if (key.IndexOf(' ') < 0) continue;
            var buf = new char[key.Length];
            var stem = new string(buf, 0, AliasKey.Stem(key, buf));
            if (!stems.TryGetValue(stem, out var list)) stems[stem] = list = [];
            foreach (var e in entries) if (!list.Exists(x => ReferenceEquals(x.Entity, e.Entity))) list.Add(e);
        }
        _stems = stems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _stemLookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
        _derived = derived.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _derivedLookup = _derived.GetAlternateLookup<ReadOnlySpan<char>>();

        _titles = new(StringComparer.Ordinal);
        foreach (var t in titles) _titles[AliasKey.Normalize(t.Stem)] = t;
        _titleLookup = _titles.GetAlternateLookup<ReadOnlySpan<char>>();
        _titleEndings = new HashSet<string>(_titles.Keys.Where(k => k.Length >= 3).Select(k => k[^3..]), StringComparer.Ordinal);
        _titleEndingLookup = _titleEndings.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxTitle = _titles.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();

        _offices = new(StringComparer.Ordinal);
        _officeTitles = new(StringComparer.Ordinal);
        _officeByRole = [];
        foreach (var o in offices)
        {
            if (!_offices.TryAdd(o.Id, o)) throw new ArgumentException($"Office '{o.Id}' appears twice.");
            _officeByRole.TryAdd((o.Role, o.Of), o);
            foreach (var t in o.Titles) _officeTitles.TryAdd(AliasKey.Normalize(t), o);
        }
        _officeTitleLookup = _officeTitles.GetAlternateLookup<ReadOnlySpan<char>>();

        var holders = new Dictionary<string, List<(KbEntity, OfficeTerm)>>(StringComparer.Ordinal);
        foreach (var e in _entities)
            foreach (var term in e.Offices)
            {
                if (!_offices.ContainsKey(term.OfficeId))
                    throw new ArgumentException($"Entity '{e.Key}' holds unknown office '{term.OfficeId}'.");
                if (!holders.TryGetValue(term.OfficeId, out var list)) holders[term.OfficeId] = list = [];
                list.Add((e, term));
            }
        _holders = holders.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        foreach (var o in _offices.Values)
            if (!_byKey.ContainsKey(o.Of)) throw new ArgumentException($"Office '{o.Id}' belongs to unknown entity '{o.Of}'.");
        foreach (var t in _titles.Values)
            if (t.DefaultOf is { } of && !_byKey.ContainsKey(of)) throw new ArgumentException($"Title '{t.Stem}' names unknown entity '{of}'.");
    }

    /// <summary>A short hash of the data the KB was built from; recorded as the link layer's model version.</summary>
    public string Version { get; }

    public ImmutableArray<KbEntity> Entities => _entities;
    public IEnumerable<KbOffice> Offices => _offices.Values;

    /// <summary>The entity with that id (<c>Q7747</c>, <c>kb:witkoff</c>) or key (<c>witkoff</c>), or null.</summary>
    public KbEntity? Get(string idOrKey) =>
        _byId.TryGetValue(idOrKey, out var e) ? e : _byKey.TryGetValue(idOrKey, out e) ? e : null;

    public KbOffice? Office(string id) => _offices.GetValueOrDefault(id);

    // ---- Loading -------------------------------------------------------------------------------------------

    /// <summary>The curated KB embedded in this assembly (built from <c>data/kb/*.tsv</c>). Throws if the resources are missing.</summary>
    public static KnowledgeBase LoadDefault()
    {
        var asm = typeof(KnowledgeBase).Assembly;
        var files = new List<(string Name, string Text)>();
        foreach (var name in asm.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            const string prefix = "Depesche.Knowledge.kb.";
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            using var s = asm.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Resource '{name}' is unreadable.");
            using var r = new StreamReader(s, Encoding.UTF8);
            files.Add((name[prefix.Length..], r.ReadToEnd()));
        }
        if (files.Count == 0) throw new InvalidOperationException("The curated KB resources are missing from Depesche.Knowledge.");
        return FromFiles(files, "curated");
    }

    /// <summary>
    /// A KB saved by <see cref="Save"/> or a folder of curated files: <c>offices.tsv</c>, <c>titles.tsv</c> and any other
    /// <c>*.tsv</c> as entity rows. Throws <see cref="FormatException"/> naming file and line on a bad row.
    /// </summary>
    public static KnowledgeBase Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"KB folder '{directory}' does not exist.");
        var files = Directory.GetFiles(directory, "*.tsv").Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p, Encoding.UTF8))).ToList();
        return FromFiles(files, "curated");
    }

    /// <summary>Writes the KB as a folder of TSV files that <see cref="Load"/> reads back.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var sb = new StringBuilder();
        sb.Append("# Built by depesche kb build; version ").Append(Version).Append(". Derived from curated data")
          .Append(" and imports (GeoNames data is CC BY 4.0: do not commit this file).\n");
        sb.Append("id\tkind\twikidata\tname\taliases\tderived\tgeo\tcountry\toffices\tcontext\tprior\tsource\n");
        foreach (var e in _entities)
        {
            sb.Append(e.Key).Append('\t').Append(KbEntity.KindName(e.Kind)).Append('\t').Append(e.Wikidata ?? "-").Append('\t')
              .Append(e.Name).Append('\t').AppendJoin('|', e.Aliases).Append('\t').AppendJoin('|', e.Derived).Append('\t');
            if (e.Geo is { } g) sb.Append(g.Lat.ToString("0.####", CultureInfo.InvariantCulture)).Append(',').Append(g.Lon.ToString("0.####", CultureInfo.InvariantCulture));
            sb.Append('\t').Append(e.Country).Append('\t').AppendJoin(';', e.Offices.Select(o => o.ToString())).Append('\t')
              .AppendJoin('|', e.Context).Append('\t').Append(e.Prior.ToString("0.###", CultureInfo.InvariantCulture)).Append('\t').Append(e.Source).Append('\n');
        }
        File.WriteAllText(Path.Combine(directory, "entities.tsv"), sb.ToString(), new UTF8Encoding(false));
        sb.Clear();
        sb.Append("office\trole\tof\tlabel\ttitles\n");
        foreach (var o in _offices.Values.OrderBy(o => o.Id, StringComparer.Ordinal))
            sb.Append(o.Id).Append('\t').Append(o.Role).Append('\t').Append(o.Of).Append('\t').Append(o.Label).Append('\t').AppendJoin('|', o.Titles).Append('\n');
        File.WriteAllText(Path.Combine(directory, OfficesFile), sb.ToString(), new UTF8Encoding(false));
        sb.Clear();
        sb.Append("stem\trole\tof\n");
        foreach (var t in _titles.Values.OrderBy(t => t.Stem, StringComparer.Ordinal))
            sb.Append(t.Stem).Append('\t').Append(t.Role).Append('\t').Append(t.DefaultOf ?? "-").Append('\n');
        File.WriteAllText(Path.Combine(directory, TitlesFile), sb.ToString(), new UTF8Encoding(false));
    }

    internal static KnowledgeBase FromFiles(IReadOnlyList<(string Name, string Text)> files, string source, IEnumerable<KbEntity>? extra = null)
    {
        var entities = new List<KbEntity>();
        var offices = new List<KbOffice>();
        var titles = new List<KbTitle>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, text) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            if (name == OfficesFile) ParseOffices(name, text, offices);
            else if (name == TitlesFile) ParseTitles(name, text, titles);
            else ParseEntities(name, text, source, entities);
        }
        if (extra is not null)
            foreach (var e in extra)
            {
                entities.Add(e);
                hash.AppendData(Encoding.UTF8.GetBytes(e.Key));
            }
        var version = Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 6));
        return new KnowledgeBase(entities, offices, titles, version);
    }

    private static IEnumerable<(int Line, string[] Cells)> Rows(string text, string header)
    {
        int lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(header, StringComparison.Ordinal)) continue;
            yield return (lineNo, line.Split('\t'));
        }
    }

    private static FormatException Bad(string file, int line, string what) => new($"{file}:{line}: {what}");

    private static void ParseEntities(string file, string text, string source, List<KbEntity> into)
    {
        foreach (var (line, c) in Rows(text, "id\t"))
        {
            if (c.Length < 11) throw Bad(file, line, $"expected 11 columns, found {c.Length}");
            if (!Enum.TryParse<KbKind>(c[1], ignoreCase: true, out var kind)) throw Bad(file, line, $"unknown kind '{c[1]}'");
            GeoPoint? geo = null;
            var country = Cell(c[7]);
            if (Cell(c[6]) is { } g)
            {
                var parts = g.Split(',');
                if (parts.Length != 2
                    || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                    || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                    || lat is < -90 or > 90 || lon is < -180 or > 180)
                    throw Bad(file, line, $"bad coordinates '{g}'");
                geo = new GeoPoint(lat, lon, country);
            }
            var offices = ImmutableArray.CreateBuilder<OfficeTerm>();
            if (Cell(c[8]) is { } off)
                foreach (var term in off.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    offices.Add(ParseTerm(term) ?? throw Bad(file, line, $"bad office term '{term}'"));
            float prior = 1;
            if (Cell(c[10]) is { } p && !float.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out prior))
                throw Bad(file, line, $"bad prior '{p}'");
            var wikidata = Cell(c[2]);
            if (wikidata is not null && !(wikidata.Length > 1 && wikidata[0] == 'Q' && wikidata.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0))
                throw Bad(file, line, $"bad Wikidata id '{wikidata}'");
            var rowSource = c.Length > 11 && Cell(c[11]) is { } s ? s : source;
            into.Add(new KbEntity(c[0], kind, wikidata, c[3], List(c[4]), List(c[5]), geo, country, offices.ToImmutable(),
                List(c[9]), prior, rowSource));
        }
    }

    private static void ParseOffices(string file, string text, List<KbOffice> into)
    {
        foreach (var (line, c) in Rows(text, "office\t"))
        {
            if (c.Length < 5) throw Bad(file, line, $"expected 5 columns, found {c.Length}");
            into.Add(new KbOffice(c[0], c[1], c[2], c[3], List(c[4])));
        }
    }

    private static void ParseTitles(string file, string text, List<KbTitle> into)
    {
        foreach (var (line, c) in Rows(text, "stem\t"))
        {
            if (c.Length < 3) throw Bad(file, line, $"expected 3 columns, found {c.Length}");
            into.Add(new KbTitle(c[0], c[1], Cell(c[2])));
        }
    }

    private static string? Cell(string s) => s.Length == 0 || s == "-" ? null : s.Trim();

    private static ImmutableArray<string> List(string s) => Cell(s) is { } v
        ? v.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray()
        : [];

    internal static OfficeTerm? ParseTerm(string term)
    {
        int at = term.IndexOf('@');
        if (at <= 0) return at < 0 && term.Length > 0 ? new OfficeTerm(term, null, null) : null;
        var range = term[(at + 1)..];
        int dots = range.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0) return null;
        if (!TryDate(range[..dots], start: true, out var from) || !TryDate(range[(dots + 2)..], start: false, out var to)) return null;
        return new OfficeTerm(term[..at], from, to);
    }

    private static bool TryDate(string s, bool start, out DateOnly? date)
    {
        date = null;
        if (s.Length == 0) return true;
        var parts = s.Split('-');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        int m = 1, d = 1;
        if (parts.Length > 1 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out m)) return false;
        if (parts.Length > 2 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out d)) return false;
        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        // Why: a year or month alone as an end date means "until the end of it".
        if (!start && parts.Length == 1) { date = new DateOnly(y + 1, 1, 1); return true; }
        if (!start && parts.Length == 2) { date = new DateOnly(y, m, 1).AddMonths(1); return true; }
        date = new DateOnly(y, m, d);
        return true;
    }

    private static void AddAlias(Dictionary<string, List<AliasEntry>> index, string alias, KbEntity e, AliasForm form)
    {
        var key = AliasKey.Normalize(alias);
        if (key.Length == 0) return;
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        foreach (var x in list) if (ReferenceEquals(x.Entity, e)) return;
        list.Add(new AliasEntry(e, form));
    }

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "von", "van", "der", "den", "de", "la", "le", "al", "bin", "zu", "da", "di", "du" };

    /// <summary>Adds the surname of a multi-word person name: the last word, with particles such as <c>von der</c>.</summary>
    private static void AddSurname(Dictionary<string, List<AliasEntry>> index, string name, KbEntity e)
    {
        var words = AliasKey.Normalize(name).Split(' ');
        if (words.Length < 2) return;
        int first = words.Length - 1;
        while (first > 1 && Particles.Contains(words[first - 1])) first--;
        AddAlias(index, string.Join(' ', words[first..]), e, AliasForm.Surname);
    }

    // ---- Lookups used by the linker (no allocation) -----------------------------------------------------------

    internal ReadOnlySpan<AliasEntry> Aliases(ReadOnlySpan<char> key) =>
        _aliasLookup.TryGetValue(key, out var arr) ? arr : default;

    /// <summary>Multi-word aliases by <see cref="AliasKey.Stem"/> of the key.</summary>
    internal ReadOnlySpan<AliasEntry> StemAliases(ReadOnlySpan<char> key)
    {
        if (key.IndexOf(' ') < 0 || key.Length > 256) return default;
        Span<char> buf = stackalloc char[key.Length];
        return _stemLookup.TryGetValue(buf[..AliasKey.Stem(key, buf)], out var arr) ? arr : default;
    }

    internal ReadOnlySpan<KbEntity> DerivedExact(ReadOnlySpan<char> key) =>
        _derivedLookup.TryGetValue(key, out var arr) ? arr : default;

    /// <summary>Whether some title stem could end this key (a cheap test on the last three letters).</summary>
    internal bool MayEndInTitle(ReadOnlySpan<char> key) => key.Length >= 3 && _titleEndingLookup.Contains(key[^3..]);

    /// <summary>The length of the longest title stem.</summary>
    internal int MaxTitleLength => _maxTitle;

    internal KbTitle? Title(ReadOnlySpan<char> key) => _titleLookup.TryGetValue(key, out var t) ? t : null;

    internal KbOffice? OfficeByTitle(ReadOnlySpan<char> key) => _officeTitleLookup.TryGetValue(key, out var o) ? o : null;

    internal KbOffice? OfficeByRole(string role, string ofKey) => _officeByRole.GetValueOrDefault((role, ofKey));

    /// <summary>The holder of an office on a date (with no date: the current, open-ended holder), or null.</summary>
    public KbEntity? HolderOf(string officeId, DateOnly? date)
    {
        if (!_holders.TryGetValue(officeId, out var list)) return null;
        KbEntity? best = null;
        DateOnly bestFrom = DateOnly.MinValue;
        foreach (var (holder, term) in list)
        {
            if (!term.Covers(date)) continue;
            var from = term.From ?? DateOnly.MinValue;
            if (best is null || from > bestFrom) { best = holder; bestFrom = from; }
        }
        return best;
    }

    /// <summary>
    /// Adjective and demonym lookup with German endings: <c>ukrainischen</c> → ukrainisch, <c>Europäern</c> → Europäer,
    /// <c>Moskauer</c> as is. <paramref name="key"/> is an <see cref="AliasKey"/> form.
    /// </summary>
    internal ReadOnlySpan<KbEntity> Derived(ReadOnlySpan<char> key)
    {
        var hit = DerivedExact(key);
        if (!hit.IsEmpty) return hit;
        foreach (var ending in AdjectiveEndings)
        {
            if (key.Length <= ending.Length + 2 || !key.EndsWith(ending, StringComparison.Ordinal)) continue;
            hit = DerivedExact(key[..^ending.Length]);
            if (!hit.IsEmpty) return hit;
        }
        return default;
    }

    private static readonly string[] AdjectiveEndings = ["en", "em", "er", "es", "e", "n", "innen", "in", "s"];

    // ---- Public lookup ---------------------------------------------------------------------------------------

    /// <summary>
    /// Every entity a name may denote, best first: aliases, surnames and metonyms, then (when nothing matched) the name
    /// read as an adjective or demonym, as a genitive, or as a title resolved to its holder on <paramref name="date"/>.
    /// </summary>
    public IReadOnlyList<KbMatch> Lookup(string name, DateOnly? date = null)
    {
        var key = AliasKey.Normalize(name);
        var result = new List<KbMatch>();
        foreach (var a in Aliases(key)) result.Add(new KbMatch(a.Entity, a.Form, key, Score(a.Entity, a.Form, date)));
        if (result.Count == 0 && key.Length > 3 && key[^1] == 's')
            foreach (var a in Aliases(key.AsSpan(0, key.Length - 1))) result.Add(new KbMatch(a.Entity, a.Form, key[..^1], Score(a.Entity, a.Form, date) - 0.1f));
        if (result.Count == 0)
            foreach (var e in Derived(key)) result.Add(new KbMatch(e, AliasForm.Derived, key, Score(e, AliasForm.Derived, date)));
        if (result.Count == 0 && OfficeByTitle(key) is { } office && HolderOf(office.Id, date) is { } holder)
            result.Add(new KbMatch(holder, AliasForm.Alias, key, holder.Prior));
        result.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        return result;
    }

    private static float Score(KbEntity e, AliasForm form, DateOnly? date) =>
        e.Prior + (form == AliasForm.Surname ? -0.2f : 0) + (e.IsPerson && e.InOffice(date) ? 0.5f : 0);

    /// <summary>Counts of entities, aliases, offices and titles, by kind and by source.</summary>
    public KbStats Stats() => new(
        _entities.Length,
        _entities.Sum(e => e.Aliases.Length + 1),
        _aliases.Count + _derived.Count,
        _offices.Count,
        _titles.Count,
        _entities.Count(e => e.Wikidata is not null),
        _entities.Count(e => e.Geo is not null),
        _entities.GroupBy(e => KbEntity.KindName(e.Kind)).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        _entities.GroupBy(e => e.Source).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        Version);
}
