using Depesche.Core;

namespace Depesche.Entities.Ner;

/// <summary>
/// Rules for German wire copy layered over the statistical tags (token-level tag ids, rewritten in place):
/// agencies and cited media as ORG, media names in quotes after a media noun or before a reporting verb as ORG,
/// metonyms (<c>Kreml</c>, <c>Weißes Haus</c>) as ORG, capitalised dateline places as LOC; editor codes are never
/// entities. Stateless; thread-safe.
/// </summary>
public static class WireRules
{
    private static readonly HashSet<string> Agencies = new(StringComparer.Ordinal)
    {
        "dpa", "dpa-AFX", "AFP", "Reuters", "Interfax", "Interfax-Ukraina", "Tass", "TASS", "Ukrinform", "Unian", "Bloomberg", "Xinhua",
        "Kyodo", "Yonhap", "Anadolu", "Politico", "Axios",
    };

    private static readonly HashSet<string> MediaNouns = new(StringComparer.Ordinal)
    {
        "Zeitung", "Zeitungen", "Nachrichtenportal", "Nachrichtenportale", "Nachrichtenportals", "Portal", "Portale", "Magazin", "Nachrichtenmagazin",
        "Sender", "Fernsehsender", "Blatt", "Agentur", "Nachrichtenagentur", "Nachrichtenagenturen", "Medium", "Medien", "Nachrichtenseite", "Website",
        "Onlineportal", "Online-Portal", "Tageszeitung", "Wochenzeitung", "Boulevardzeitung", "Newsportal", "Plattform", "Nachrichtensender",
    };

    private static readonly HashSet<string> ReportVerbs = new(StringComparer.Ordinal)
    {
        "berichtete", "berichtet", "berichteten", "meldete", "meldet", "schrieb", "schreibt", "zufolge", "berichtete,", "hieß", "zitierte",
    };

    private static readonly HashSet<string> Legislatures = new(StringComparer.Ordinal) { "Kongress", "Kongresses", "Senat", "Senats", "Repräsentantenhaus", "Parlament", "Parlaments" };

    // Why suffixes: wire copy builds role nouns as compounds (Chefunterhändler, US-Sondergesandte, Kremlsprecher).
    private static readonly string[] RoleEndings =
    [
        "sprecher", "sprecherin", "chef", "chefin", "minister", "ministerin", "präsident", "präsidentin", "unterhändler", "unterhändlerin",
        "gesandte", "gesandter", "gesandten", "berater", "beraterin", "kanzler", "kanzlerin", "sekretär", "sekretärin", "direktor", "direktorin",
        "kommissar", "kommissarin", "botschafter", "botschafterin", "vorsitzende", "vorsitzender", "vorsitzenden", "bürgermeister",
        "bürgermeisterin", "premier", "premierministerin", "abgeordnete", "abgeordneter", "senator", "senatorin", "oppositionsführer",
        "oppositionsführerin", "staatschef", "regierungschefin", "kandidat", "kandidatin", "trainer", "trainerin",
    ];

    private static readonly HashSet<string> Metonyms = new(StringComparer.Ordinal) { "Kreml", "Kremls", "Pentagon", "Pentagons", "Elysee", "Élysée", "Élysée-Palast", "Downing" };

    /// <summary>Rewrites <paramref name="tags"/> (one per token of the analysis) with the rules.</summary>
    public static void Apply(Analysis a, Span<int> tags, Gazetteer? gazetteer = null)
    {
        var tokens = a.Tokens;
        int org = NerLabels.ChunkId("ORG"), loc = NerLabels.ChunkId("LOC");
        var forcedOrg = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens.TextOf(i);
            // 1. Agencies and metonyms. (Span lookups: no string per token.)
            if (In(Agencies, t) || In(Metonyms, t))
            {
                SetChunk(tags, i, i + 1, org);
                continue;
            }
            // 1b. Compounds on a metonym: "Kremlchef", "Kremlsprecher" → ORG part.
            if (t.Length > 6 && t.StartsWith("Kreml", StringComparison.Ordinal) && char.IsLower(t[5]))
            {
                tags[i] = NerLabels.Begin(NerLabels.ChunkId("ORGpart"));
                if (i + 1 < tags.Length && NerLabels.IsInside(tags[i + 1])) tags[i + 1] = NerLabels.Begin(NerLabels.ChunkOf(tags[i + 1]));
                continue;
            }
            // 1c. "Kongress/Senat/Parlament der Vereinigten Staaten" → one ORG over the place.
            if (In(Legislatures, t) && i + 2 < tokens.Count && tokens.TextOf(i + 1) is "der" or "des")
            {
                int e = -1;
                if (NerLabels.ChunkOf(tags[i + 2]) == loc && NerLabels.IsBegin(tags[i + 2]))
                {
                    e = i + 3;
                    while (e < tokens.Count && NerLabels.IsInside(tags[e])) e++;
                }
                else if (gazetteer is not null)
                {
                    // The tagger missed the place: take the longest listed country or city after the article.
                    ulong h = Gazetteer.SpanStart;
                    for (int len = 1; len <= 4 && i + 2 + len <= tokens.Count; len++)
                    {
                        h = TextHash.Combine(h, TextHash.Exact(tokens.TextOf(i + 1 + len)));
                        if ((gazetteer.Lookup(h) & ((1 << (int)Gazetteer.Kind.Country) | (1 << (int)Gazetteer.Kind.City))) != 0) e = i + 2 + len;
                    }
                }
                if (e > 0)
                {
                    SetChunk(tags, i, e, org);
                    i = e - 1;
                    continue;
                }
            }
            // 2. "Weißes/Weißen/Weiße Haus(es)" → ORG.
            if (i + 1 < tokens.Count && t is "Weißes" or "Weißen" or "Weiße" && tokens.TextOf(i + 1) is "Haus" or "Hauses")
            {
                SetChunk(tags, i, i + 2, org);
                i++;
                continue;
            }
            // 3. A quoted capitalised name after a media noun, or followed by a reporting verb.
            if (IsQuote(tokens.TextOf(i)) && i + 2 < tokens.Count && IsQuote(tokens.TextOf(i + 2)) && char.IsUpper(tokens.TextOf(i + 1)[0]))
            {
                bool media = false;
                for (int j = Math.Max(0, i - 4); j < i && !media; j++) media = In(MediaNouns, tokens.TextOf(j));
                if (!media && i + 3 < tokens.Count) media = In(ReportVerbs, tokens.TextOf(i + 3));
                // "Politico" und "Axios": the second name inherits the first one's reading.
                if (!media && i >= 2 && tokens.TextOf(i - 1) is "und" or "oder" && IsQuote(tokens.TextOf(i - 2)) && i >= 3 && NerLabels.ChunkOf(tags[i - 3]) == org) media = true;
                if (media)
                {
                    SetChunk(tags, i + 1, i + 2, org);
                    forcedOrg.Add(tokens.TextOf(i + 1).ToString());
                }
            }
        }
        // 3b. A role noun before a name of two or three capitalised words: "Chefunterhändler Rustem Umjerow",
        // "Wirtschaftsministerin Katherina Reiche". On GermEval dev gold this pattern is a person 40 times in 41, so
        // the words become one person whatever the tagger made of them, as long as no chunk runs across their ends;
        // one listed name alone must be untagged.
        int per = NerLabels.ChunkId("PER");
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if (!IsRole(tokens.TextOf(i))) continue;
            int e = i + 1;
            while (e < tokens.Count && e < i + 4 && IsNameWord(tokens.TextOf(e))) e++;
            int words = e - (i + 1);
            bool closed = !NerLabels.IsInside(tags[i + 1]) && (e == tokens.Count || !NerLabels.IsInside(tags[e]));
            if ((words >= 2 && closed) || (words == 1 && tags[i + 1] == 0 && gazetteer is not null && IsListedSurnameOrFirst(gazetteer, tokens.TextOf(i + 1))))
                SetChunk(tags, i + 1, e, per);
        }
        // 4. Document consistency: a name made ORG by rule 3 is ORG wherever it stands alone.
        if (forcedOrg.Count > 0)
            for (int i = 0; i < tokens.Count; i++)
                if (tags[i] == 0 && In(forcedOrg, tokens.TextOf(i))) SetChunk(tags, i, i + 1, org);
        // 5. Datelines: capitalised places before "(agency)" at the start of a paragraph, e.g. "KIEW/WASHINGTON (dpa-AFX) -".
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && (tokens.FlagsOf(i) & (TokenFlags.ParagraphStart | TokenFlags.NewlineBefore)) == 0) continue;
            int j = i;
            var places = new List<int>();
            while (j < tokens.Count && places.Count < 4)
            {
                var t = tokens.TextOf(j);
                if (t.Length >= 3 && IsAllCaps(t)) { places.Add(j); j++; }
                else break;
                if (j < tokens.Count && tokens.TextOf(j) is "/") j++;
            }
            if (places.Count > 0 && j < tokens.Count && tokens.TextOf(j) is "(")
                foreach (var p in places) SetChunk(tags, p, p + 1, loc);
        }
    }

    /// <summary>
    /// Attributive place adjectives in -er ("Moskauer Seite", "Kölner Dom") left untagged become LOCderiv when the
    /// stem is a listed city or country and a capitalised noun follows. Works on any tokenised sentence; returns the
    /// number of tokens changed. Measured on GermEval dev in docs/ner.md.
    /// </summary>
    public static int DerivedPlaceAdjectives(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, Span<int> tags, Gazetteer gazetteer)
    {
        int changed = 0;
        int deriv = NerLabels.Begin(NerLabels.ChunkId("LOCderiv"));
        const byte places = (1 << (int)Gazetteer.Kind.City) | (1 << (int)Gazetteer.Kind.Country);
        for (int i = 0; i + 1 < starts.Length; i++)
        {
            if (tags[i] != 0) continue;
            var t = text[starts[i]..ends[i]];
            var next = text[starts[i + 1]..ends[i + 1]];
            if (t.Length < 6 || !char.IsUpper(t[0]) || !t.EndsWith("er", StringComparison.Ordinal) || next.Length < 2 || !char.IsUpper(next[0])) continue;
            var stem = t[..^2];
            if ((gazetteer.Lookup(TextHash.Combine(Gazetteer.SpanStart, TextHash.Exact(stem))) & places) == 0) continue;
            tags[i] = deriv;
            changed++;
        }
        return changed;
    }

    /// <summary>
    /// Document-level consistency for persons: once "Jared Kushner" is a person, a lone "Kushner" (or "Kushners")
    /// elsewhere in the article is the same person, whatever the tagger said about that token alone.
    /// </summary>
    public static void PropagateNames(TokenTable tokens, Span<int> tags)
    {
        int per = NerLabels.ChunkId("PER");
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in NerLabels.Chunks(tags))
            if (c.Label == per && c.End - c.Start >= 2)
            {
                var last = tokens.TextOf(c.End - 1);
                if (last.Length >= 3 && char.IsUpper(last[0])) surnames.Add(last.ToString());
            }
        if (surnames.Count == 0) return;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens.TextOf(i);
            bool match = In(surnames, t) || (t.Length > 3 && t[^1] == 's' && In(surnames, t[..^1]));
            if (!match) continue;
            bool alone = (tags[i] == 0 || NerLabels.IsBegin(tags[i])) && (i + 1 >= tags.Length || !NerLabels.IsInside(tags[i + 1]));
            // Why: only a token standing alone (O or a one-token chunk) is relabelled; a surname inside a longer span stays.
            if (alone && NerLabels.ChunkOf(tags[i]) is var c && (c < 0 || c % 3 == 0)) tags[i] = NerLabels.Begin(per);
        }
    }

    /// <summary>Adds the dateline places (LOC) and the agency (ORG) from the article's metadata; they lie outside the tokenised body.</summary>
    public static void AddDatelineAndAgency(Article article, List<EntityMention> mentions)
    {
        bool Free(TextRange r) => !mentions.Exists(m => m.Range.Overlaps(r));
        foreach (var d in article.Source.Datelines)
            if (!d.Range.IsEmpty && Free(d.Range)) mentions.Add(new EntityMention(d.Range.Start, d.Range.End, EntityType.Location, EntityFlags.None, 0, 1f));
        if (article.Source.AgencyRange is { IsEmpty: false } ar && Free(ar))
            mentions.Add(new EntityMention(ar.Start, ar.End, EntityType.Organisation, EntityFlags.None, 0, 1f));
    }

    /// <summary>Removes mentions inside the article's editor-code trailer or over an editor code.</summary>
    public static void DropEditorCodes(Analysis a, List<EntityMention> mentions)
    {
        var src = a.Article.Source;
        mentions.RemoveAll(m =>
        {
            var r = m.Range;
            if (a.Article.TrailerRange is { } tr && tr.Overlaps(r)) return true;
            foreach (var code in src.EditorCodes) if (code.Range.Overlaps(r)) return true;
            // Why: "/ddo/DP/stw" trailers that no reader marked: a mention touching a slash-run of short codes.
            var text = a.Text;
            return r.Start > 0 && text[r.Start - 1] == '/' && r.Length <= 4 && r.End <= text.Length && (r.End == text.Length || text[r.End] == '/' || char.IsWhiteSpace(text[r.End]));
        });
    }

    private static void SetChunk(Span<int> tags, int start, int end, int chunk)
    {
        // Why: a chunk overlapping start simply ends before it (tags[start] becomes B-); one running past end restarts there.
        tags[start] = NerLabels.Begin(chunk);
        for (int k = start + 1; k < end; k++) tags[k] = NerLabels.Inside(chunk);
        if (end < tags.Length && NerLabels.IsInside(tags[end])) tags[end] = NerLabels.Begin(NerLabels.ChunkOf(tags[end]));
    }

    private static bool In(HashSet<string> set, ReadOnlySpan<char> token) => set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token);

    private static bool IsRole(ReadOnlySpan<char> t)
    {
        if (t.Length < 4 || !char.IsUpper(t[0])) return false;
        foreach (var end in RoleEndings)
            if (t.EndsWith(end, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>A capitalised word of letters (hyphen, apostrophe inside) that could be part of a name; not all capitals.</summary>
    private static bool IsNameWord(ReadOnlySpan<char> t)
    {
        if (t.Length < 2 || !char.IsUpper(t[0]) || IsAllCaps(t)) return false;
        foreach (var c in t) if (!char.IsLetter(c) && c is not ('-' or '\'' or '’')) return false;
        return true;
    }

    private static bool IsListedSurnameOrFirst(Gazetteer gazetteer, ReadOnlySpan<char> t) =>
        (gazetteer.Lookup(TextHash.Combine(Gazetteer.SpanStart, TextHash.Exact(t))) & ((1 << (int)Gazetteer.Kind.Surname) | (1 << (int)Gazetteer.Kind.FirstName))) != 0;

    private static bool IsQuote(ReadOnlySpan<char> t) => t.Length == 1 && t[0] is '"' or '„' or '“' or '”' or '»' or '«';

    private static bool IsAllCaps(ReadOnlySpan<char> t)
    {
        int letters = 0;
        foreach (var c in t)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters >= 2;
    }
}
