using System.Collections.Immutable;
using Depesche.Core;

namespace Depesche.Knowledge;

/// <summary>
/// Links the mentions of one article. Not thread-safe; one instance per article.
/// Steps: (1) resolve each mention in text order against the article's entities so far and the KB; (2) link dateline
/// places; (3) read roles from titles and appositions around person mentions; (4) build the layer.
/// </summary>
internal sealed class DocumentLinker
{
    private const int MaxKey = 256;

    private readonly KnowledgeBase _kb;
    private readonly Article _article;
    private readonly string _text;
    private readonly ImmutableArray<EntityMention> _mentions;
    private readonly SentenceTable? _sentences;
    private readonly DateOnly? _date;

    private readonly List<DocEntity> _entities = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    // Why: names seen in this article (full names, surnames, first names) → entity; a later "Selenskyj" or "Schmidt"
    // finds its earlier full mention here before the KB is asked.
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;
    private readonly List<Pending> _links = [];
    private readonly int[] _primary;
    private int _localCount;

    private sealed class DocEntity(string id, KbEntity? kb, string name, EntityType type)
    {
        public string Id { get; } = id;
        public KbEntity? Kb { get; } = kb;
        public string Name { get; set; } = name;
        public EntityType Type { get; } = type;
        public List<MentionRole> Roles { get; } = [];
        public int Mentions { get; set; }

        public void AddRole(MentionRole r)
        {
            foreach (var x in Roles) if (x.Role == r.Role && x.Of == r.Of) return;
            Roles.Add(r);
        }
    }

    private struct Pending
    {
        public int Start, End, Mention, Entity;
        public LinkKind Kind;
        public float Confidence;
    }

    private readonly record struct Choice(int Entity, LinkKind Kind, float Confidence);

    public DocumentLinker(KnowledgeBase kb, Article article, ImmutableArray<EntityMention> mentions, SentenceTable? sentences)
    {
        _kb = kb;
        _article = article;
        _text = article.Text;
        _mentions = mentions;
        _sentences = sentences;
        _date = article.Source.Published?.Date;
        _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        _primary = new int[mentions.Length];
    }

    public LinkLayer Run(Producer producer)
    {
        // 1. Mentions in text order: earlier full names make later short forms resolvable.
        Span<char> buf = stackalloc char[MaxKey * 2];
        var choices = new List<Choice>(2);
        for (int i = 0; i < _mentions.Length; i++)
        {
            var m = _mentions[i];
            var surface = _text.AsSpan(m.Start, m.End - m.Start);
            if (surface.Length > MaxKey) surface = surface[..MaxKey];
            int n = AliasKey.Normalize(surface, buf);
            ReadOnlySpan<char> key = buf[..n];
            if (_kb.Aliases(key).IsEmpty) key = StripDeterminer(key); // Why: "Den Haag" keeps its article.
            choices.Clear();
            Resolve(m, key, surface, choices);
            _primary[i] = choices[0].Entity;
            foreach (var c in choices)
                _links.Add(new Pending { Start = m.Start, End = m.End, Mention = i, Entity = c.Entity, Kind = c.Kind, Confidence = c.Confidence });
        }

        // 2. Dateline places (KIEW/WASHINGTON): places only, so WASHINGTON is the city unless the article says otherwise.
        foreach (var d in _article.Source.Datelines)
        {
            int n = AliasKey.Normalize(d.Place.AsSpan(0, Math.Min(d.Place.Length, MaxKey)), buf);
            var best = BestPlace(buf[..n]);
            if (best is null || CoveredByMention(d.Range.Start, d.Range.End)) continue;
            int e = EntityFor(best);
            _links.Add(new Pending { Start = d.Range.Start, End = d.Range.End, Mention = -1, Entity = e, Kind = LinkKind.Dateline, Confidence = 0.9f });
        }
        // The agency of the dateline, (dpa-AFX): metadata like the places, so it counts as a mention of the agency.
        if (_article.Source.Agency is { Length: > 0 and <= MaxKey } agency && _article.Source.AgencyRange is { } ar
            && !CoveredByMention(ar.Start, ar.End))
        {
            int n = AliasKey.Normalize(agency, buf);
            var a = _kb.Aliases(buf[..n]);
            foreach (var x in a)
                if (x.Entity.IsOrganisation)
                {
                    _links.Add(new Pending { Start = ar.Start, End = ar.End, Mention = -1, Entity = EntityFor(x.Entity), Kind = LinkKind.Dateline, Confidence = 0.9f });
                    break;
                }
        }

        // 3. Roles from titles and appositions, now that every mention has its entity.
        var roles = new List<MentionRole>[_mentions.Length];
        for (int i = 0; i < _mentions.Length; i++)
        {
            var ent = _entities[_primary[i]];
            var mi = _mentions[i];
            bool multiWord = _text.AsSpan(mi.Start, mi.End - mi.Start).Contains(' ');
            if (ent.Type != EntityType.Person || ((mi.Flags & (EntityFlags.Part | EntityFlags.Deriv)) != 0 && !multiWord)) continue;
            var found = ReadRoles(i);
            if (found is null) continue;
            roles[i] = found;
            foreach (var r in found) ent.AddRole(r);
        }
        foreach (var ent in _entities)
            if (ent.Kb is { IsPerson: true } kb)
                foreach (var term in kb.Offices)
                    if (term.Covers(_date) && _kb.Office(term.OfficeId) is { } office)
                        ent.AddRole(new MentionRole(office.Role, office.Label, _kb.Get(office.Of)?.Id));

        // 4. The layer.
        var links = new EntityLink[_links.Count];
        for (int i = 0; i < links.Length; i++)
        {
            var p = _links[i];
            _entities[p.Entity].Mentions++;
            var r = p.Mention >= 0 && roles[p.Mention] is { } list ? list.ToImmutableArray() : ImmutableArray<MentionRole>.Empty;
            links[i] = new EntityLink(p.Start, p.End, _entities[p.Entity].Id, p.Mention, p.Entity, p.Kind, p.Confidence, r);
        }
        var records = _entities.Select(e => new EntityRecord(e.Id, e.Name, e.Type, e.Kb?.Wikidata,
            e.Kb is { } k ? KbEntity.KindName(k.Kind) : null, e.Roles.ToImmutableArray(), e.Kb?.Geo, e.Mentions));
        return new LinkLayer(producer, links, records);
    }

    // ---- Resolution ------------------------------------------------------------------------------------------

    private void Resolve(in EntityMention m, ReadOnlySpan<char> key, ReadOnlySpan<char> surface, List<Choice> into)
    {
        bool person = m.Type == EntityType.Person;
        bool oneWord = key.IndexOf(' ') < 0;

        // a0. A title inside the mention (NER span "Putin-Berater Dmitrijew"): the name is what follows it.
        if (person && LeadingTitleLength(key) is > 0 and var cut)
        {
            Resolve(m, key[cut..], surface, into);
            return;
        }

        // a. A person named earlier in this article: surname or first name after the full name, or the full name again.
        if (person && FindInDocument(key, out var docHit, out var docKind, personOnly: true))
        {
            into.Add(new Choice(docHit, docKind, Confidence(docKind)));
            return;
        }

        // b. The KB by alias (names, transliterations, surnames, metonyms).
        var aliases = _kb.Aliases(key);
        if (!aliases.IsEmpty && !OnlyImportedPlaces(aliases, m))
        {
            var (e, form) = Best(aliases, m);
            var kind = form switch
            {
                AliasForm.Name => LinkKind.Exact,
                AliasForm.Surname => LinkKind.Surname,
                AliasForm.Metonym => LinkKind.Metonym,
                _ => LinkKind.Alias,
            };
            AddKb(e, kind, m, key, into, ambiguous: aliases.Length > 1);
            return;
        }

        // c. A title standing for its holder on the article date: Kremlchef, Bundeskanzler, US-Präsident.
        // Why: a parsed compound (US-Sondergesandte) tagged as a place part names the place; a listed title
        // (Kremlchef) or a person-tagged one names the holder.
        if ((m.Flags & EntityFlags.Deriv) == 0 && oneWord && ParseTitle(key, -1) is { Office: { } office } title)
        {
            // Why: in a hyphenated part (EZB-Präsidentin, US-Präsident) the tagger marked the named institution.
            if ((m.Flags & EntityFlags.Part) != 0 && key.IndexOf('-') > 0 && title.Direct && _kb.Get(office.Of) is { } owner)
            {
                AddKbPart(owner, into);
                return;
            }
            if ((title.Direct || person) && !OtherCountryBefore(m.Start, office) && _kb.HolderOf(office.Id, _date) is { } holder)
            {
                AddKb(holder, LinkKind.Role, m, key, into, ambiguous: false);
                return;
            }
        }

        // d. Genitive and other inflected forms: Putins, Selenskyjs, Russlands, Kremls.
        foreach (var ending in InflectionEndings)
        {
            if (key.Length <= ending.Length + 1 || !key.EndsWith(ending, StringComparison.Ordinal)) continue;
            var stem = key[..^ending.Length];
            if (person && FindInDocument(stem, out docHit, out _, personOnly: true))
            {
                into.Add(new Choice(docHit, LinkKind.Genitive, Confidence(LinkKind.Genitive)));
                return;
            }
            var stemAliases = _kb.Aliases(stem);
            if (!stemAliases.IsEmpty && !OnlyImportedPlaces(stemAliases, m))
            {
                var (e, _) = Best(stemAliases, m);
                AddKb(e, LinkKind.Genitive, m, stem, into, ambiguous: stemAliases.Length > 1);
                return;
            }
        }

        // d2. Multi-word names declined word by word: Internationale Währungsfonds, Europäischen Parlaments.
        var stemmed = _kb.StemAliases(key);
        if (!stemmed.IsEmpty && !OnlyImportedPlaces(stemmed, m))
        {
            var (e, _) = Best(stemmed, m);
            AddKb(e, LinkKind.Genitive, m, key, into, ambiguous: stemmed.Length > 1);
            return;
        }

        // e. Adjectives and demonyms: ukrainischen, Moskauer, Europäern.
        var derived = _kb.Derived(key);
        if (!derived.IsEmpty)
        {
            AddKb(BestPlain(derived, m), LinkKind.Demonym, m, key, into, ambiguous: derived.Length > 1);
            return;
        }

        // f. Hyphenated compounds: amerikanisch-russischen (two links), US-Medien, Putin-Berater, Nato-Staaten.
        if (key.IndexOf('-') > 0 && ResolveHyphenated(m, key, into)) return;

        // g. Closed compounds marked by the tagger as part or derived: Ukrainekrieg, Russlandpolitik, Moskaubesuch.
        if ((m.Flags & (EntityFlags.Part | EntityFlags.Deriv)) != 0 && oneWord && ResolveClosedCompound(m, key, into)) return;

        // h. Not in the KB: an entity of this article, shared by its coreferent mentions.
        if (FindInDocument(key, out docHit, out _, personOnly: false, type: m.Type))
        {
            into.Add(new Choice(docHit, LinkKind.Coref, Confidence(LinkKind.Coref)));
            return;
        }
        foreach (var ending in InflectionEndings)
        {
            if (key.Length <= ending.Length + 2 || !key.EndsWith(ending, StringComparison.Ordinal)) continue;
            if (FindInDocument(key[..^ending.Length], out docHit, out _, personOnly: false, type: m.Type))
            {
                into.Add(new Choice(docHit, LinkKind.Coref, Confidence(LinkKind.Coref)));
                return;
            }
        }
        int local = NewLocal(surface.ToString(), m.Type);
        Register(local, key, person);
        into.Add(new Choice(local, LinkKind.Coref, Confidence(LinkKind.Coref)));
    }

    private static readonly string[] InflectionEndings = ["s", "es", "n", "en", "ns"];

    private void AddKb(KbEntity e, LinkKind kind, in EntityMention m, ReadOnlySpan<char> key, List<Choice> into, bool ambiguous)
    {
        int idx = EntityFor(e);
        if (m.Type == EntityType.Person || e.IsPerson) Register(idx, key, person: true);
        else Register(idx, key, person: false);
        float c = Confidence(kind);
        if (ambiguous) c *= 0.85f;
        into.Add(new Choice(idx, kind, c));
    }

    private static float Confidence(LinkKind k) => k switch
    {
        LinkKind.Exact => 0.95f,
        LinkKind.Alias => 0.9f,
        LinkKind.Surname => 0.85f,
        LinkKind.Genitive => 0.85f,
        LinkKind.Demonym => 0.85f,
        LinkKind.Metonym => 0.8f,
        LinkKind.Role => 0.8f,
        LinkKind.Compound => 0.75f,
        LinkKind.Dateline => 0.9f,
        _ => 0.6f,
    };

    private bool ResolveHyphenated(in EntityMention m, ReadOnlySpan<char> key, List<Choice> into)
    {
        // Every part a place or demonym: a coordinated compound naming several entities (amerikanisch-russisch).
        Span<Range> parts = stackalloc Range[8];
        int count = key.Split(parts, '-', StringSplitOptions.RemoveEmptyEntries);
        if (count >= 2 && count <= 8)
        {
            bool all = true;
            for (int p = 0; p < count && all; p++)
            {
                var part = key[parts[p]];
                all = !_kb.Derived(part).IsEmpty || HasPlace(_kb.Aliases(part));
            }
            if (all)
            {
                for (int p = 0; p < count; p++)
                {
                    var part = key[parts[p]];
                    var d = _kb.Derived(part);
                    var e = !d.IsEmpty ? BestPlain(d, m) : BestPlace(part)!;
                    int idx = EntityFor(e);
                    bool dup = false;
                    foreach (var c in into) dup |= c.Entity == idx;
                    if (!dup) into.Add(new Choice(idx, LinkKind.Demonym, Confidence(LinkKind.Demonym)));
                }
                return true;
            }
        }
        // Otherwise the longest leading run of parts that names something: US-Medien → US, Putin-Berater → Putin.
        for (int end = key.Length; end > 0; end = key[..end].LastIndexOf('-'))
        {
            if (end == key.Length) continue;
            var head = key[..end];
            var a = _kb.Aliases(head);
            if (!a.IsEmpty)
            {
                var (e, _) = Best(a, m, ignoreType: true);
                AddKbPart(e, into);
                return true;
            }
            if (FindInDocument(head, out var docHit, out _, personOnly: false))
            {
                into.Add(new Choice(docHit, LinkKind.Compound, Confidence(LinkKind.Compound)));
                return true;
            }
            var d = _kb.Derived(head);
            if (!d.IsEmpty) { AddKbPart(BestPlain(d, m), into); return true; }
        }
        // Trailing part: Anti-Nato, Pro-Europa.
        int last = key.LastIndexOf('-');
        var tail = key[(last + 1)..];
        var ta = _kb.Aliases(tail);
        if (!ta.IsEmpty) { AddKbPart(Best(ta, m, ignoreType: true).Entity, into); return true; }
        return false;
    }

    private void AddKbPart(KbEntity e, List<Choice> into) =>
        into.Add(new Choice(EntityFor(e), LinkKind.Compound, Confidence(LinkKind.Compound)));

    private bool ResolveClosedCompound(in EntityMention m, ReadOnlySpan<char> key, List<Choice> into)
    {
        for (int len = key.Length - 3; len >= 3; len--)
        {
            var head = key[..len];
            var a = _kb.Aliases(head);
            if (!a.IsEmpty) { AddKbPart(Best(a, m, ignoreType: true).Entity, into); return true; }
            var d = _kb.DerivedExact(head);
            if (!d.IsEmpty) { AddKbPart(BestPlain(d, m), into); return true; }
        }
        return false;
    }

    /// <summary>
    /// Why: an imported gazetteer city is a poor answer for a person or organisation mention (Union, Hamas); such a
    /// mention gets a local identity instead. Curated entries answer any type (metonymy).
    /// </summary>
    private static bool OnlyImportedPlaces(ReadOnlySpan<KnowledgeBase.AliasEntry> a, in EntityMention m)
    {
        if (m.Type is not (EntityType.Person or EntityType.Organisation)) return false;
        foreach (var x in a) if (x.Entity.Source == "curated" || !x.Entity.IsPlace) return false;
        return true;
    }

    private static bool HasPlace(ReadOnlySpan<KnowledgeBase.AliasEntry> a)
    {
        foreach (var x in a) if (x.Entity.IsPlace) return true;
        return false;
    }

    private KbEntity? BestPlace(ReadOnlySpan<char> key)
    {
        KbEntity? best = null;
        float bestScore = float.MinValue;
        foreach (var a in _kb.Aliases(key))
        {
            if (!a.Entity.IsPlace) continue;
            float s = a.Entity.Prior + ContextScore(a.Entity, -1) + (_byId.ContainsKey(a.Entity.Id) ? 3 : 0) + (a.Entity.Kind == KbKind.City ? 1 : 0);
            if (s > bestScore) { best = a.Entity; bestScore = s; }
        }
        return best;
    }

    private (KbEntity Entity, AliasForm Form) Best(ReadOnlySpan<KnowledgeBase.AliasEntry> candidates, in EntityMention m, bool ignoreType = false)
    {
        if (candidates.Length == 1) return (candidates[0].Entity, candidates[0].Form);
        var best = candidates[0];
        float bestScore = float.MinValue;
        foreach (var c in candidates)
        {
            float s = Score(c.Entity, c.Form, m, ignoreType);
            if (s > bestScore) { best = c; bestScore = s; }
        }
        return (best.Entity, best.Form);
    }

    private KbEntity BestPlain(ReadOnlySpan<KbEntity> candidates, in EntityMention m)
    {
        if (candidates.Length == 1) return candidates[0];
        var best = candidates[0];
        float bestScore = float.MinValue;
        foreach (var c in candidates)
        {
            float s = Score(c, AliasForm.Derived, m, ignoreType: true);
            if (s > bestScore) { best = c; bestScore = s; }
        }
        return best;
    }

    /// <summary>Prior, type agreement, office on the article date, earlier mention in the article, and context cues.</summary>
    private float Score(KbEntity e, AliasForm form, in EntityMention m, bool ignoreType)
    {
        float s = e.Prior;
        if (!ignoreType)
        {
            s += m.Type switch
            {
                EntityType.Person => e.IsPerson ? 2 : -2,
                EntityType.Location => e.IsPlace ? 2 : form == AliasForm.Metonym ? 1.5f : e.Kind == KbKind.Gov ? 0.5f : -1,
                EntityType.Organisation => e.IsOrganisation ? 2 : e.IsPlace ? 0.5f : -1,
                _ => 0,
            };
        }
        if (form == AliasForm.Surname) s -= 0.2f;
        if (e.IsPerson && e.InOffice(_date)) s += 0.5f;
        // Why: an all-caps place opening a paragraph is a dateline (LUXEMBURG -), and datelines name cities; USA is not one.
        if (e.Kind == KbKind.City && IsDatelineLike(m)) s += 1;
        if (_byId.ContainsKey(e.Id)) s += 3;
        s += ContextScore(e, m.Start);
        // "im Bundesstaat Washington": the word before the name says which reading.
        if (e.Kind == KbKind.State && PrecededByStateWord(m.Start)) s += 3;
        return s;
    }

    private const int CueWindow = 400;

    /// <summary>
    /// +2 when one of the entity's context cues occurs as a whole word (case-sensitive) within <see cref="CueWindow"/>
    /// characters of the mention at <paramref name="near"/>, or anywhere when <paramref name="near"/> is -1.
    /// </summary>
    private float ContextScore(KbEntity e, int near)
    {
        int lo = near < 0 ? 0 : Math.Max(0, near - CueWindow);
        int hi = near < 0 ? _text.Length : Math.Min(_text.Length, near + CueWindow);
        foreach (var cue in e.Context)
        {
            int from = lo;
            while (from < hi)
            {
                int at = _text.IndexOf(cue, from, hi - from, StringComparison.Ordinal);
                if (at < 0) break;
                int end = at + cue.Length;
                bool left = at == 0 || !char.IsLetterOrDigit(_text[at - 1]);
                bool right = end >= _text.Length || !char.IsLetterOrDigit(_text[end]);
                if (left && right) return 2;
                from = at + 1;
            }
        }
        return 0;
    }

    // ---- Article entities -------------------------------------------------------------------------------------

    private int EntityFor(KbEntity e)
    {
        if (_byId.TryGetValue(e.Id, out int idx)) return idx;
        idx = _entities.Count;
        _entities.Add(new DocEntity(e.Id, e, e.Name, e.Type));
        _byId[e.Id] = idx;
        return idx;
    }

    private int NewLocal(string surface, EntityType type)
    {
        int idx = _entities.Count;
        var id = $"local:{_article.Id}:{++_localCount}";
        _entities.Add(new DocEntity(id, null, surface, type));
        _byId[id] = idx;
        return idx;
    }

    /// <summary>Remembers a name for later mentions; for people also the surname (with particles) and the first name.</summary>
    private void Register(int entity, ReadOnlySpan<char> key, bool person)
    {
        if (key.IsEmpty) return;
        _nameLookup.TryAdd(key, entity);
        if (!person) return;
        int lastSpace = key.LastIndexOf(' ');
        if (lastSpace < 0) return;
        int first = key.IndexOf(' ');
        _nameLookup.TryAdd(key[..first], entity);
        // Why: "von der Leyen" is the surname, not "Leyen".
        int surnameStart = lastSpace + 1;
        while (true)
        {
            int prev = key[..(surnameStart - 1)].LastIndexOf(' ');
            var word = key[(prev + 1)..(surnameStart - 1)];
            if (prev < 0 || !(word is "von" or "van" or "der" or "den" or "de" or "la" or "al" or "bin" or "zu")) break;
            surnameStart = prev + 1;
        }
        _nameLookup.TryAdd(key[surnameStart..], entity);
        if (surnameStart != lastSpace + 1) _nameLookup.TryAdd(key[(lastSpace + 1)..], entity);
    }

    private bool FindInDocument(ReadOnlySpan<char> key, out int entity, out LinkKind kind, bool personOnly, EntityType? type = null)
    {
        kind = LinkKind.Coref;
        if (!_nameLookup.TryGetValue(key, out entity)) return false;
        var e = _entities[entity];
        if (personOnly && e.Type != EntityType.Person) return false;
        if (type is { } t && e.Kb is null && e.Type != t && !(t is EntityType.Location or EntityType.Organisation && e.Type is EntityType.Location or EntityType.Organisation))
            return false;
        if (e.Kb is null) kind = LinkKind.Coref;
        else kind = key.IndexOf(' ') < 0 && e.Name.Contains(' ', StringComparison.Ordinal) ? LinkKind.Surname : LinkKind.Exact;
        return true;
    }

    private static ReadOnlySpan<char> StripDeterminer(ReadOnlySpan<char> key)
    {
        int sp = key.IndexOf(' ');
        if (sp <= 0 || sp == key.Length - 1) return key;
        var w = key[..sp];
        return w is "der" or "die" or "das" or "den" or "dem" or "des" ? key[(sp + 1)..] : key;
    }

    // ---- Titles and roles -------------------------------------------------------------------------------------

    private readonly record struct TitleParse(string Role, string? Of, KbOffice? Office, bool Direct = false);

    /// <summary>
    /// Reads a (possibly compound, possibly inflected) title: Kremlsprecher → spokesperson of the Kreml,
    /// US-Sondergesandte → special envoy of the USA, Putin-Berater → adviser of Putin. <paramref name="mention"/> is the
    /// mention covering the word, whose entity names the "of" of a compound (Putin-Berater).
    /// </summary>
    private TitleParse? ParseTitle(ReadOnlySpan<char> key, int mention)
    {
        if (key.Length < 3) return null;
        Span<int> lengths = stackalloc int[3];
        var variants = lengths[..Variants(key, lengths)];
        foreach (var variant in variants)
        {
            var v = key[..variant];
            if (_kb.OfficeByTitle(v) is { } office)
                return new TitleParse(office.Role, _kb.Get(office.Of)?.Id, office, Direct: true);
        }
        foreach (var variant in variants)
        {
            var v = key[..variant];
            // Why: most words (names, verbs) end in no title stem; this test saves a lookup per suffix.
            if (!_kb.MayEndInTitle(v)) continue;
            for (int i = Math.Max(0, v.Length - _kb.MaxTitleLength); i <= v.Length - 3; i++)
            {
                if (i > 0 && v[i - 1] != '-' && i < 2) continue;
                if (_kb.Title(v[i..]) is not { } t) continue;
                var prefix = v[..i].TrimEnd('-');
                KbEntity? ofKb = null;
                string? ofId = null;
                if (prefix.Length > 0)
                {
                    if (mention >= 0 && _mentions[mention].End - _mentions[mention].Start < key.Length + 2)
                        ofId = _entities[_primary[mention]].Id;
                    else
                    {
                        var a = _kb.Aliases(prefix);
                        if (!a.IsEmpty) ofKb = a[0].Entity;
                        else if (_kb.Derived(prefix) is { IsEmpty: false } d) ofKb = d[0];
                        else if (FindInDocument(prefix, out var docHit, out _, personOnly: false)) ofId = _entities[docHit].Id;
                    }
                }
                if (ofKb is null && ofId is null && t.DefaultOf is { } def) ofKb = _kb.Get(def);
                if (ofKb is not null && _kb.OfficeByRole(t.Role, ofKb.Key) is { } o)
                    return new TitleParse(o.Role, _kb.Get(o.Of)?.Id, o);
                if (ofId is not null && _byId.TryGetValue(ofId, out var ofIdx) && _entities[ofIdx].Kb is { } ofEntity
                    && _kb.OfficeByRole(t.Role, ofEntity.Key) is { } o2)
                    return new TitleParse(o2.Role, _kb.Get(o2.Of)?.Id, o2);
                return new TitleParse(t.Role, ofId ?? ofKb?.Id, null);
            }
        }
        return null;
    }

    /// <summary>Lengths of the key with common noun endings removed: Präsidenten, Sondergesandten, Beraters.</summary>
    private static int Variants(ReadOnlySpan<char> key, Span<int> dest)
    {
        int n = key.Length, c = 0;
        dest[c++] = n;
        if (key.EndsWith('n') || key.EndsWith('s')) dest[c++] = n - 1;
        if (key.EndsWith("en", StringComparison.Ordinal) || key.EndsWith("es", StringComparison.Ordinal)) dest[c++] = n - 2;
        return c;
    }

    private List<MentionRole>? ReadRoles(int i)
    {
        List<MentionRole>? roles = null;
        var m = _mentions[i];
        var (floor, ceil) = SentenceBounds(m.Start);
        {
            int sp = _text.AsSpan(m.Start, m.End - m.Start).IndexOf(' ');
            if (sp > 0 && sp < 60 && char.IsUpper(_text[m.Start]))
            {
                Span<char> buf = stackalloc char[128];
                var word = _text.AsSpan(m.Start, sp);
                if (ParseTitle(buf[..AliasKey.Normalize(word, buf)], -1) is { Direct: false } t)
                    (roles ??= []).Add(new MentionRole(t.Role, word.ToString(), t.Of));
            }
        }
        ReadLeft(i, m, floor, ref roles);
        ReadRight(i, m, ceil, ref roles);
        if (roles is null) return null;
        // An unqualified title (Präsident) takes its "of" from the office the entity holds on the article date.
        if (_entities[_primary[i]].Kb is { } kb)
            for (int r = 0; r < roles.Count; r++)
                if (roles[r].Of is null)
                    foreach (var term in kb.Offices)
                        if (term.Covers(_date) && _kb.Office(term.OfficeId) is { } o && o.Role == roles[r].Role)
                        {
                            roles[r] = roles[r] with { Of = _kb.Get(o.Of)?.Id };
                            break;
                        }
        return roles;
    }

    private void ReadLeft(int self, in EntityMention m, int floor, ref List<MentionRole>? roles)
    {
        int pos = m.Start;
        bool comma = false, titled = false;
        int pendingOf = -1;
        string? confirmedOf = null;
        Span<char> buf = stackalloc char[128];
        for (int step = 0; step < 10; step++)
        {
            if (!PrevItem(pos, floor, out int s, out int e)) break;
            pos = s;
            char c0 = _text[s];
            if (e - s == 1 && !char.IsLetterOrDigit(c0))
            {
                if (c0 == ',' && !comma && !titled && pendingOf < 0) { comma = true; continue; }
                break;
            }
            int inMention = MentionAt(s, e, self);
            var word = _text.AsSpan(s, e - s);
            if (word.Length > 60) break;
            int n = AliasKey.Normalize(word, buf);
            var key = buf[..n];
            TitleParse? title = char.IsUpper(c0) ? ParseTitle(key, inMention) : null;
            if (inMention >= 0 && title is null)
            {
                var im = _mentions[inMention];
                if (titled && (im.Flags & EntityFlags.Deriv) != 0)
                {
                    // "ukrainische Chefunterhändler": the adjective names the title's country.
                    SetOf(roles!, _entities[_primary[inMention]].Id);
                    pos = Math.Min(pos, im.Start);
                    continue;
                }
                if (!titled && pendingOf < 0 && confirmedOf is null) { pendingOf = inMention; pos = Math.Min(pos, im.Start); continue; }
                if (pendingOf >= 0 && confirmedOf is null) { pos = Math.Min(pos, im.Start); continue; }
                break;
            }
            if (title is { } t)
            {
                if (pendingOf >= 0 && confirmedOf is null) continue; // the title of the "of" person: von Kremlchef Putin
                if (titled) break;
                if (comma && pendingOf < 0) break;
                roles ??= [];
                var of = confirmedOf ?? t.Of;
                roles.Add(new MentionRole(t.Role, word.ToString(), of));
                titled = true;
                continue;
            }
            if (key is "von" or "des" or "der" or "dem" && char.IsLower(c0))
            {
                if (pendingOf >= 0 && confirmedOf is null) { confirmedOf = _entities[_primary[pendingOf]].Id; continue; }
                if (titled) continue;
                break;
            }
            if (pendingOf >= 0 && confirmedOf is null) break;
            if (titled && char.IsLower(c0))
            {
                if (IsDeterminer(key)) continue;
                var d = _kb.Derived(key);
                if (!d.IsEmpty) { SetOf(roles!, d[0].Id); continue; }
                if (key.Length > 3 && (key.EndsWith('e') || key.EndsWith("en", StringComparison.Ordinal) || key.EndsWith("er", StringComparison.Ordinal))) continue;
            }
            break;
        }
    }

    private void ReadRight(int self, in EntityMention m, int ceil, ref List<MentionRole>? roles)
    {
        int pos = m.End;
        if (!NextItem(pos, ceil, out int s, out int e) || _text[s] != ',' || e - s != 1) return;
        pos = e;
        Span<char> buf = stackalloc char[128];
        string? adjOf = null;
        for (int step = 0; step < 6; step++)
        {
            if (!NextItem(pos, ceil, out s, out e)) return;
            pos = e;
            var word = _text.AsSpan(s, e - s);
            if (word.Length > 60 || !char.IsLetter(word[0])) return;
            int n = AliasKey.Normalize(word, buf);
            var key = buf[..n];
            int inMention = MentionAt(s, e, self);
            if (char.IsLower(word[0]))
            {
                if (IsDeterminer(key)) continue;
                if (inMention >= 0 && (_mentions[inMention].Flags & EntityFlags.Deriv) != 0)
                {
                    adjOf = _entities[_primary[inMention]].Id;
                    pos = Math.Max(pos, _mentions[inMention].End);
                    continue;
                }
                var d = _kb.Derived(key);
                if (!d.IsEmpty) { adjOf = d[0].Id; continue; }
                if (key.Length > 3 && (key.EndsWith('e') || key.EndsWith("en", StringComparison.Ordinal))) continue;
                return;
            }
            if (ParseTitle(key, inMention) is not { } t) return;
            roles ??= [];
            string? of = t.Of ?? adjOf;
            // "der Schwiegersohn von Präsident Donald Trump", "Sprecher des Kremls", "Sprecher Putins"
            if (of is null) of = ReadOf(pos, ceil, self);
            roles.Add(new MentionRole(t.Role, word.ToString(), of));
            return;
        }
    }

    private string? ReadOf(int pos, int ceil, int self)
    {
        Span<char> buf = stackalloc char[128];
        bool prep = false;
        for (int step = 0; step < 5; step++)
        {
            if (!NextItem(pos, ceil, out int s, out int e)) return null;
            pos = e;
            int inMention = MentionAt(s, e, self);
            if (inMention >= 0) return _entities[_primary[inMention]].Id;
            var word = _text.AsSpan(s, e - s);
            if (word.Length > 60 || !char.IsLetter(word[0])) return null;
            int n = AliasKey.Normalize(word, buf);
            var key = buf[..n];
            if (!prep && key is "von" or "des" or "der") { prep = true; continue; }
            if (prep && char.IsUpper(word[0]) && ParseTitle(key, -1) is not null) continue;
            if (prep && IsDeterminer(key)) continue;
            return null;
        }
        return null;
    }

    private static void SetOf(List<MentionRole> roles, string of)
    {
        var last = roles[^1];
        if (last.Of is null) roles[^1] = last with { Of = of };
    }

    /// <summary>"der österreichische Kanzler": an adjective of another country before a title keeps it from its office.</summary>
    private bool OtherCountryBefore(int start, KbOffice office)
    {
        if (!PrevItem(start, 0, out int s, out int e) || !char.IsLower(_text[s]) || e - s > 60) return false;
        Span<char> buf = stackalloc char[128];
        var d = _kb.Derived(buf[..AliasKey.Normalize(_text.AsSpan(s, e - s), buf)]);
        if (d.IsEmpty || !d[0].IsPlace) return false;
        return d[0].Key != office.Of;
    }

    /// <summary>Length (with the space) of a leading title word of a multi-word key, or 0.</summary>
    private int LeadingTitleLength(ReadOnlySpan<char> key)
    {
        int sp = key.IndexOf(' ');
        if (sp <= 0 || sp == key.Length - 1) return 0;
        return ParseTitle(key[..sp], -1) is { Direct: false } ? sp + 1 : 0;
    }

    private bool CoveredByMention(int start, int end)
    {
        foreach (var m in _mentions) if (m.Start <= start && end <= m.End) return true;
        return false;
    }

    private bool PrecededByStateWord(int start)
    {
        if (!PrevItem(start, 0, out int s, out int e)) return false;
        var w = _text.AsSpan(s, e - s);
        return w.EndsWith("Bundesstaat", StringComparison.Ordinal) || w.EndsWith("Bundesstaats", StringComparison.Ordinal)
               || w is "Staat" or "Staats" or "State";
    }

    private bool IsDatelineLike(in EntityMention m)
    {
        int p = m.Start - 1;
        while (p >= 0 && _text[p] is ' ' or '\t') p--;
        if (p >= 0 && _text[p] != '\n') return false;
        int letters = 0;
        for (int i = m.Start; i < m.End; i++)
        {
            char c = _text[i];
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters >= 2;
    }

    private static bool IsDeterminer(ReadOnlySpan<char> key) =>
        key is "der" or "die" or "das" or "den" or "dem" or "des" or "ein" or "eine" or "einer" or "einem" or "einen" or "eines";

    /// <summary>The mention (other than <paramref name="self"/>) covering [s, e), outermost first, or -1.</summary>
    private int MentionAt(int s, int e, int self)
    {
        for (int j = 0; j < _mentions.Length; j++)
        {
            var mj = _mentions[j];
            if (mj.Start > s) break;
            if (j != self && mj.Start <= s && e <= mj.End) return j;
        }
        return -1;
    }

    private (int Floor, int Ceil) SentenceBounds(int offset)
    {
        if (_sentences is { } st)
        {
            int si = st.IndexAt(offset);
            if (si >= 0) return (st.StartOf(si), st.EndOf(si));
        }
        return (0, _text.Length);
    }

    /// <summary>The word (letters, digits, inner hyphens and dots) or single punctuation mark ending before <paramref name="pos"/>.</summary>
    private bool PrevItem(int pos, int floor, out int s, out int e)
    {
        int i = pos - 1;
        while (i >= floor && char.IsWhiteSpace(_text[i])) i--;
        s = e = 0;
        if (i < floor) return false;
        e = i + 1;
        if (!IsWordChar(_text[i])) { s = i; return true; }
        while (i - 1 >= floor && (IsWordChar(_text[i - 1]) || (_text[i - 1] == '-' && i - 2 >= floor && IsWordChar(_text[i - 2])))) i--;
        s = i;
        return true;
    }

    private bool NextItem(int pos, int ceil, out int s, out int e)
    {
        int i = pos;
        while (i < ceil && char.IsWhiteSpace(_text[i])) i++;
        s = e = 0;
        if (i >= ceil) return false;
        s = i;
        if (!IsWordChar(_text[i])) { e = i + 1; return true; }
        while (i < ceil && (IsWordChar(_text[i]) || (_text[i] == '-' && i + 1 < ceil && IsWordChar(_text[i + 1])))) i++;
        e = i;
        return true;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '\u00AD';
}
