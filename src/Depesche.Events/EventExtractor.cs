using System.Collections.Immutable;
using System.Globalization;
using Depesche.Core;

namespace Depesche.Events;

/// <summary>
/// The rules that find event mentions in one analysed article. Pure and stateless: every call allocates its own
/// scratch arrays, so one instance (or none: the members are static) serves all threads.
/// </summary>
/// <remarks>
/// Steps per article:
/// 1. classify every token once (cue classes, trigger readings, actor and place forms);
/// 2. per sentence: clauses, actor mentions, place candidates, attribution;
/// 3. triggers, with separable particles and absorption of nouns inside a speech act (<c>forderte Sanktionen</c>);
/// 4. per trigger: actors (bound to the trigger, else the clause's), place, time, status and flags;
/// 5. across the article: unconfirmed flags (<c>bestätigte … nicht</c>) and paragraph follow-ups (<c>wird unser Team in den USA sein</c>);
/// 6. repeated mentions of one event folded into one (<see cref="EventCoreference"/>), each pointing at its quote.
/// </remarks>
public static class EventExtractor
{
    /// <summary>Extracts the event mentions of an analysis that has tokens, sentences and times. Entities are used when present.</summary>
    public static ImmutableArray<EventMention> Extract(Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var doc = new Doc(analysis);
        var result = new List<EventMention>();
        for (int s = 0; s < doc.Sentences.Count; s++) doc.ExtractSentence(s, result);
        doc.Finish(result);
        IReadOnlyList<Quote>? quotes = analysis.Find<Layer<Quote>>(LayerName.Quotes) is { } ql ? ql.Items : null;
        return EventCoreference.Join(analysis.Text, result, quotes);
    }

    private sealed class ActorMention
    {
        public int First;     // token range [First, Last]
        public int Last;
        public string Name = "";
        public string? Description;
        public string? EntityId = null;
        public bool Person;
        public int BoundTo = -1;   // trigger index that owns it, or -1
        public bool AsTarget;      // joined from a directed noun ("Sanktionen gegen X")
    }

    private readonly record struct PlaceCandidate(int First, int Last, string Name, bool ViaAuf = false, bool Direction = false);

    private sealed class TriggerHit
    {
        public int Token;
        public int Particle = -1;
        public required TriggerDef Def;
        public EventType Type;
        public EventMode Mode;
        public string Cameo = "";
        public bool Absorbed;
        public bool Announced;     // "kündigte … einen Generalstreik an": the announced event itself, planned
        public readonly List<ActorMention> Local = [];
        public TriggerHit? AccusedBy;   // an attack inside an accusation: its actors are the accusation's targets too
        public TriggerHit? MergedInto;  // a noun that became the announcement's event: its actors join, then it is dropped
    }

    /// <summary>
    /// Per-token classification arrays, kept per thread and cleared for each article: they are a third of what the
    /// stage allocated per article, and the stage runs on every article of an ingest.
    /// </summary>
    private sealed class Scratch
    {
        [ThreadStatic] private static Scratch? _current;

        public Cue[] Cue = [];
        public TriggerDef[]?[] Trig = [];
        public ActorDef?[] Actor = [];
        public bool[] Cap = [];

        public static Scratch For(int n)
        {
            var s = _current ??= new Scratch();
            if (s.Cue.Length < n)
            {
                int cap = Math.Max(n, s.Cue.Length * 2);
                s.Cue = new Cue[cap];
                s.Trig = new TriggerDef[]?[cap];
                s.Actor = new ActorDef?[cap];
                s.Cap = new bool[cap];
            }
            else
            {
                Array.Clear(s.Cue, 0, n);
                Array.Clear(s.Trig, 0, n);
                Array.Clear(s.Actor, 0, n);
                Array.Clear(s.Cap, 0, n);
            }
            return s;
        }
    }

    private sealed class Doc
    {
        private readonly Analysis _a;
        private readonly TokenTable _t;
        private readonly string _text;
        public readonly SentenceTable Sentences;
        private readonly Cue[] _cue;
        private readonly TriggerDef[]?[] _trig;
        private readonly ActorDef?[] _actor;
        private readonly bool[] _cap;
        private readonly ImmutableArray<TimeExpression> _times;
        private readonly ImmutableArray<EntityMention> _entities;
        private readonly ImmutableArray<EntityLink> _links;
        private readonly DateOnly? _published;
        private readonly string? _datelineCountry;
        private readonly int[] _paragraphOf;
        private string? _lastPerson;
        private int _lastPersonStart = -1, _lastPersonEnd = -1;
        private bool _unconfirmedInArticle;
        private readonly List<(int Sentence, int Index)> _perSentence = [];

        public Doc(Analysis a)
        {
            _a = a;
            _t = a.Tokens;
            _text = _t.Text;
            Sentences = a.Sentences;
            int n = _t.Count;
            var scratch = Scratch.For(n);
            _cue = scratch.Cue;
            _trig = scratch.Trig;
            _actor = scratch.Actor;
            _cap = scratch.Cap;
            var kinds = _t.Kinds;
            var flags = _t.Flags;
            for (int i = 0; i < n; i++)
            {
                if (kinds[i] != TokenKind.Word && kinds[i] != TokenKind.Abbreviation) continue;
                var w = _t.TextOf(i);
                _cap[i] = (flags[i] & TokenFlags.Capitalized) != 0;
                _cue[i] = EventLexicon.CueOf(w);
                _trig[i] = EventLexicon.TriggersOf(w, _cap[i]);
                if (EventLexicon.ActorLookup.TryGetValue(w, out var ad)) _actor[i] = ad;
                // Why: genitives of countries ("Venezuelas Regierung") are regular, so they are not all listed.
                else if (_cap[i] && w.Length > 4 && w[^1] == 's' && EventLexicon.ActorLookup.TryGetValue(w[..^1], out var gen) && !gen.Adjective) _actor[i] = gen;
            }
            _times = a.Find<Layer<TimeExpression>>(LayerName.Times)?.Items ?? [];
            _entities = a.Find<Layer<EntityMention>>(LayerName.Entities)?.Items ?? [];
            _links = a.Find<LinkLayer>(LayerName.Links)?.Links ?? [];
            _published = a.Article.Source.Published?.Date;
            // The dateline's country: "Die Regierung" in a PARIS report is France's.
            var dl = a.Article.Source.Datelines;
            if (!dl.IsDefaultOrEmpty && dl[0].Place.Length > 1)
            {
                var place = char.ToUpperInvariant(dl[0].Place[0]) + dl[0].Place[1..].ToLowerInvariant();
                if (EventLexicon.Actors.TryGetValue(place, out var dc) && dc.Metonym) _datelineCountry = dc.Name;
            }
            _paragraphOf = new int[Sentences.Count];
            var paragraphs = a.Article.Paragraphs;
            for (int s = 0, p = 0; s < Sentences.Count; s++)
            {
                int start = Sentences.StartOf(s);
                while (p < paragraphs.Length && paragraphs[p].End <= start) p++;
                _paragraphOf[s] = p;
            }
        }

        private bool IsWord(int i) => _t.KindOf(i) is TokenKind.Word or TokenKind.Abbreviation;
        private bool Has(int i, Cue c) => (_cue[i] & c) != 0;
        private bool Is(int i, string w) => _t.TextOf(i).Equals(w, StringComparison.OrdinalIgnoreCase);

        public void ExtractSentence(int s, List<EventMention> output)
        {
            var span = Sentences.TokensOf(s);
            int first = span.First, end = span.End;
            if (end <= first) return;

            // 1. Clauses: punctuation and subordinators start a new one, except commas inside an actor list.
            var clause = new int[end - first];
            int c = 0;
            bool hasWord = false;
            for (int i = first; i < end; i++)
            {
                var k = _t.KindOf(i);
                bool boundary = k is TokenKind.Quote or TokenKind.Bracket or TokenKind.Dash
                    || (k == TokenKind.Punctuation && !IsListComma(i, first, end))
                    || (IsWord(i) && hasWord && Has(i, Cue.Subordinator) && !Is(i, "als") && !Is(i, "wie"));
                if (boundary && hasWord) { c++; hasWord = false; }
                if (IsWord(i)) hasWord = true;
                clause[i - first] = c;
            }
            int ClauseOf(int i) => clause[i - first];
            // Clauses that open with a subordinator ("dass", "wann") and appositions (", der Schwiegersohn von …,").
            var subClause = new bool[c + 1];
            var apposition = new bool[c + 1];
            for (int i = first; i < end; i++)
            {
                int ci = ClauseOf(i);
                if (i > first && ClauseOf(i - 1) == ci) continue;
                int w = i;
                while (w < end && !IsWord(w) && ClauseOf(w) == ci) w++;
                if (w >= end || ClauseOf(w) != ci) continue;
                if (Has(w, Cue.Subordinator) || Is(w, "wann") || Is(w, "wer")) subClause[ci] = true;
                if (w > first && _t.TextOf(w - 1).SequenceEqual(",") && Has(w, Cue.Determiner) && w + 1 < end && IsWord(w + 1) && EventLexicon.IsTitle(_t.TextOf(w + 1)))
                    apposition[ci] = true;
            }

            // Clauses with a verb of saying: their subject is the speaker, not a participant of a later event.
            var speechClause = new bool[c + 1];
            // Clauses that are zu-infinitives ("…, die Verhandlungen zu blockieren", "…, ein Treffen auszurichten").
            var zuClause = new bool[c + 1];
            for (int i = first; i < end; i++)
            {
                if (!IsWord(i)) continue;
                if (Has(i, Cue.Speech)) speechClause[ClauseOf(i)] = true;
                bool lastOfClause = i + 1 >= end || ClauseOf(i + 1) != ClauseOf(i) || !IsWord(i + 1);
                if (lastOfClause && !_cap[i] && ((i > first && Has(i - 1, Cue.Zu)) || IsZuInfinitive(_t.TextOf(i)))) zuClause[ClauseOf(i)] = true;
            }

            // 2. Actors, places, attribution.
            var actors = FindActors(first, end);
            var places = FindPlaces(first, end);
            var attribution = FindAttribution(first, end, actors);
            bool konjunktiv = false, reportedCue = false, confirmNot = false, sentenceHasSpeech = false;
            for (int i = first; i < end; i++)
            {
                if (!IsWord(i)) continue;
                if (Has(i, Cue.KonjunktivI)) konjunktiv = true;
                if (Has(i, Cue.Zufolge | Cue.Medium) || Is(i, "berichtete") || Is(i, "berichteten") || Is(i, "hieß")) reportedCue = true;
                if (Has(i, Cue.Speech)) sentenceHasSpeech = true;
                if (Has(i, Cue.Confirm))
                    for (int j = first; j < end; j++)
                        if (ClauseOf(j) == ClauseOf(i) && IsWord(j) && Has(j, Cue.Negation)) { confirmNot = true; break; }
            }
            if (confirmNot) _unconfirmedInArticle = true;
            for (int i = first; i < end; i++)
                if (IsWord(i) && (Is(i, "namentlich") || Is(i, "informierte") || Is(i, "informierten"))) _unconfirmedInArticle = true;

            // 3. Triggers.
            var hits = new List<TriggerHit>();
            for (int i = first; i < end; i++)
            {
                if (_trig[i] is not { } defs) continue;
                TriggerHit? hit = null;
                foreach (var d in defs)
                {
                    if (d.Particle is not null)
                    {
                        int p = FindParticle(i, end, d.Particle, clause, first);
                        if (p < 0) continue;
                        hit = new TriggerHit { Token = i, Particle = p, Def = d };
                        break;
                    }
                    if (d.Noun && !_cap[i] && !(i == first)) continue;
                    if (!d.Noun && _cap[i] && !_t.FlagsOf(i).HasFlag(TokenFlags.SentenceStart)) continue;
                    hit ??= new TriggerHit { Token = i, Def = d };
                }
                if (hit is null) continue;
                if (hit.Def.Type == EventType.Consult && !hit.Def.Noun && (Is(i, "sprechen") || Is(i, "sprach") || Is(i, "sprachen") || Is(i, "gesprochen")))
                {
                    bool partner = false, reflexive = false;
                    for (int j = first; j < end; j++)
                        if (ClauseOf(j) == ClauseOf(i) && IsWord(j))
                        {
                            if (Has(j, Cue.Mit) || (Has(j, Cue.Topic) && Is(j, "über"))) partner = true;
                            if (Has(j, Cue.Reflexive)) reflexive = true;
                        }
                    if (!partner || reflexive) continue;
                }
                // Why: "sagte … ab" is a cancellation cue, and "zog … ab" without troops would be noise; handled by the particle table.
                hit.Type = hit.Def.Type;
                hit.Mode = hit.Def.Mode;
                hit.Cameo = hit.Def.Cameo;
                hits.Add(hit);
            }
            // The implicit demand: "Für uns ist es von grundlegender Bedeutung, dass … verabschiedet wird".
            for (int i = first + 1; i < end; i++)
                if (Is(i, "Bedeutung") && (Is(i - 1, "grundlegender") || Is(i - 1, "entscheidender") || Is(i - 1, "zentraler")))
                    hits.Add(new TriggerHit { Token = i, Def = new TriggerDef(EventType.Request, EventMode.None, "100", false, true), Type = EventType.Request, Cameo = "100" });
            // A denial is an event of its own only when it denies a report and the sentence names no other event.
            if (hits.Count > 1) hits.RemoveAll(h => h.Def.Type == EventType.Statement && (_cue[h.Token] & Cue.Denied) != 0);
            // "eine Vereinbarung treffen" is agreeing, not meeting.
            if (hits.Exists(h => h.Def.Noun && h.Type == EventType.Agree))
                hits.RemoveAll(h => !h.Def.Noun && h.Type == EventType.Consult && (Is(h.Token, "getroffen") || Is(h.Token, "treffen") || Is(h.Token, "traf")));
            // "auf die Straße gegangen": a protest.
            for (int i = first + 2; i < end; i++)
                if (Is(i, "Straße") && Is(i - 1, "die") && Is(i - 2, "auf"))
                    for (int j = first; j < end; j++)
                        if (ClauseOf(j) == ClauseOf(i) && (Is(j, "gegangen") || Is(j, "gingen") || Is(j, "ging") || Is(j, "gehen")))
                        {
                            hits.Add(new TriggerHit { Token = j, Def = new TriggerDef(EventType.Protest, EventMode.None, "141", false, false), Type = EventType.Protest, Cameo = "141" });
                            break;
                        }
            if (hits.Count == 0) { UpdateLastPerson(actors); return; }
            hits.Sort((x, y) => x.Token.CompareTo(y.Token));
            // "unter Vermittlung der USA getroffen": the mediation is part of the other event; the mediator joins it.
            foreach (var h in hits)
                if (h.Def.Noun && h.Mode == EventMode.ThirdParty && h.Token > first && Is(h.Token - 1, "unter")
                    && hits.Find(o => o != h && o.Type != EventType.Consult) is { } host)
                { h.Absorbed = true; h.MergedInto = host; }

            // Absorb nouns inside a speech act's bracket or right after it in the same clause.
            foreach (var h in hits)
            {
                // Speech acts, and agreeing verbs ("vereinbarten eine engere Zusammenarbeit"), contain what they are about.
                if (!(h.Def.SpeechAct || h.Type == EventType.Agree) || h.Def.Noun) continue;
                int stop = h.Particle >= 0 ? h.Particle : LastOfClause(h.Token, end, clause, first);
                // The content of "forderte X auf, Sanktionen zu verhängen" is part of the speech act, not an event of its own.
                int after = LastOfClause(stop, end, clause, first) + 1;
                while (after < end && !IsWord(after)) after++;
                int bracketEnd = stop;
                if (after < end && zuClause[ClauseOf(after)]) stop = LastOfClause(after, end, clause, first);
                // "drohte mit Sanktionen, falls Moskau einer Waffenruhe nicht zustimme": the condition belongs to the threat.
                else if (after < end && h.Type == EventType.Threaten && (Is(after, "falls") || Is(after, "wenn") || Is(after, "sollte"))) stop = LastOfClause(after, end, clause, first);
                // "haben … Militärübungen angekündigt": with a participle at the clause end, the object stands before it.
                int from = h.Token;
                if (h.Particle < 0 && h.Type == EventType.Statement)
                    from = FirstOfClause(h.Token, first, clause);
                foreach (var o in hits)
                {
                    if (o == h || o.Absorbed || o.Token > stop) continue;
                    if (o.Token <= h.Token && !(o.Token > from && o.Def.Noun)) continue;
                    // A proposal "zu vermitteln" is the offer of that event; other verbs stay events of their own.
                    if (!o.Def.Noun && !(h.Mode == EventMode.Propose && o.Token > bracketEnd)) continue;
                    // A condemned attack still happened: "verurteilte neue russische Angriffe".
                    if (h.Type == EventType.Accuse && o.Type == EventType.Assault && o.Token <= bracketEnd) { o.AccusedBy = h; continue; }
                    o.Absorbed = true;
                    // An announcement or promise of an event is that event, planned ("kündigten einen Generalstreik an").
                    if (h.Type == EventType.Statement && !h.Announced && o.Token <= bracketEnd && o.Def.Noun && !o.Def.SpeechAct
                        && o.Type is not (EventType.Statement or EventType.Request or EventType.Accuse or EventType.Reject or EventType.Support or EventType.Agree)
                        && o.Mode != EventMode.Propose && (_cue[h.Token] & Cue.Denied) == 0)
                    {
                        h.Announced = true;
                        h.Type = o.Type;
                        h.Mode = o.Mode;
                        h.Cameo = o.Cameo;
                        o.MergedInto = h;
                    }
                    if (h.Mode == EventMode.Propose && o.Type is EventType.Consult or EventType.Aid)
                    {
                        h.Type = o.Type;
                        h.Cameo = o.Type == EventType.Consult ? "036" : "033";
                    }
                }
            }

            // A noun after "über"/"um" names what another trigger of the sentence is about ("beraten über neue Hilfen").
            foreach (var h in hits)
            {
                if (h.Absorbed || !h.Def.Noun) continue;
                for (int j = h.Token - 1; j >= first && j >= h.Token - 6 && ClauseOf(j) == ClauseOf(h.Token); j--)
                {
                    if (!IsWord(j) || _trig[j] is not null) break;
                    if (Has(j, Cue.Topic))
                    {
                        // "Berichte über ein geplantes Treffen": a report's topic is the event reported.
                        if (!(j > first && (Is(j - 1, "Berichte") || Is(j - 1, "Bericht") || Is(j - 1, "Berichten") || Is(j - 1, "Meldungen") || Is(j - 1, "Spekulationen"))))
                            h.Absorbed = true;
                        break;
                    }
                }
            }

            // Bind actors to noun triggers: demonym right before, genitive, "zwischen", "mit" right after. Absorbed nouns
            // bind too, so that what a speech act is about ("Treffen von Selenskyj und Putin") is not who performs it.
            foreach (var h in hits)
            {
                if (!h.Def.Noun) continue;
                BindLocal(h, actors, first, end, clause);
            }
            // Verb and noun of the same type in one clause ("verhängte Sanktionen gegen X"): one event; the noun's actors join.
            foreach (var hx in hits)
            {
                if (hx.Absorbed || !hx.Def.Noun || hx.Local.Count == 0) continue;
                var hy = hits.Find(o => o != hx && !o.Absorbed && !o.Def.Noun && !o.Def.SpeechAct && o.Type == hx.Type && ClauseOf(o.Token) == ClauseOf(hx.Token));
                if (hy is null) continue;
                hx.Absorbed = true;
                foreach (var a in hx.Local) { a.BoundTo = hy.Token; a.AsTarget = a.First > hx.Token; hy.Local.Add(a); }
            }
            // Same type in one clause: a noun without its own actors is the same event as the other trigger.
            for (int x = 0; x < hits.Count; x++)
            {
                var hx = hits[x];
                if (hx.Absorbed || !hx.Def.Noun || hx.Local.Count > 0) continue;
                foreach (var hy in hits)
                    if (hy != hx && !hy.Absorbed && hy.Type == hx.Type && ClauseOf(hy.Token) == ClauseOf(hx.Token)
                        && (!hy.Def.Noun || hy.Token < hx.Token))
                    { hx.Absorbed = true; break; }
            }

            // 4. One mention per remaining trigger.
            int sStart = Sentences.StartOf(s), sEnd = Sentences.EndOf(s);
            int liveCount = hits.Count(h => !h.Absorbed);
            foreach (var h in hits)
            {
                if (h.Absorbed) continue;
                int tc = ClauseOf(h.Token);
                var list = new List<ActorMention>(h.Local);
                // A directed noun with only its target ("Sanktionspaket gegen Russland beschlossen") takes the clause's subject.
                bool directed = h.Def.Noun && h.Type is EventType.Sanction or EventType.Assault or EventType.Coerce or EventType.Threaten
                    && h.Local.Count > 0 && h.Local.TrueForAll(m => m.First > h.Token);
                if (directed)
                    foreach (var m in actors)
                        if (m.BoundTo < 0 && m.First < h.Token && ClauseOf(m.First) == tc && !list.Contains(m)) list.Insert(0, m);
                // Why: "verurteilte den Angriff": who condemns an attack is not its attacker; the attack's own actors, if
                // any, are bound to it, and coreference fills in the rest from its earlier mention.
                bool condemned = h.AccusedBy is not null;
                if ((list.Count == 0 || !h.Def.Noun) && !condemned)
                {
                    foreach (var m in actors)
                        if (m.BoundTo < 0 && ClauseOf(m.First) == tc && !list.Contains(m)) list.Add(m);
                    foreach (var m in actors)
                        if (m.BoundTo == h.Token && !list.Contains(m)) list.Add(m);
                }
                // A noun with nobody in its clause ("…, die Gespräche führen"): the earlier main-clause actors.
                bool denial = false;
                // Why: who denies or confirms "dass es … Gespräche gegeben habe" speaks as a party to them.
                for (int j = first; j < end; j++) if (IsWord(j) && Has(j, Cue.Denied | Cue.Confirm) && !subClause[ClauseOf(j)]) denial = true;
                // "Der Kreml dementierte, dass es Gespräche mit den USA gegeben habe": the denier is a party.
                if (denial && h.Def.Noun && subClause[tc] && list.Count > 0)
                    foreach (var m in actors)
                        if (m.BoundTo < 0 && m.First < h.Token && ClauseOf(m.First) == ClauseOf(first) && !list.Contains(m)) list.Insert(0, m);
                if (list.Count == 0 && h.Def.Noun && (!subClause[tc] || denial) && !condemned)
                    foreach (var m in actors)
                        if (m.BoundTo < 0 && ClauseOf(m.First) < tc && !apposition[ClauseOf(m.First)] && !subClause[ClauseOf(m.First)] && !speechClause[ClauseOf(m.First)]) list.Add(m);
                // A speech act reaches into its "dass" clause for the addressee.
                if (h.Def.SpeechAct && tc + 1 < subClause.Length && subClause[tc + 1])
                    foreach (var m in actors)
                        if (m.BoundTo < 0 && ClauseOf(m.First) == tc + 1 && !list.Contains(m)) list.Add(m);
                // "Das kündigte das US-Außenministerium an": an announcement of what the sentence before said is its source, not an event.
                if (h.Type == EventType.Statement && !h.Announced && !h.Def.Noun && h.Token - 1 == first && IsWord(first) && (Is(first, "Das") || Is(first, "Dies")))
                    continue;
                // Nouns naming a speech act ("Friedensvorschlag", "Forderung") count only with their own actors.
                if (h.Def.Noun && h.Local.Count == 0 && (h.Mode == EventMode.Propose || h.Type is EventType.Request or EventType.Accuse or EventType.Reject or EventType.Statement or EventType.Support))
                    continue;
                // A speech act with no subject in its clause: the subject of the sentence's first clause, else the speaker.
                if (h.Def.SpeechAct && !list.Exists(m => m.First < h.Token))
                {
                    var subj = actors.Find(m => m.BoundTo < 0 && m.First < h.Token && ClauseOf(m.First) == ClauseOf(first));
                    if (subj is not null) list.Insert(0, subj);
                    else if (attribution is { } at && at.Person) list.Insert(0, new ActorMention { First = -1, Name = at.Name, Person = true, Description = null, Last = -1 });
                }
                // The announced event's own participants, and the attackers an accusation names.
                foreach (var o in hits)
                    if (o.MergedInto == h || o.AccusedBy == h)
                        foreach (var m in actors)
                            if (m.BoundTo == o.Token && !list.Contains(m)) { if (o.AccusedBy == h) m.AsTarget = true; list.Add(m); }
                // "Dort traf er Selenskyj": the subject pronoun stands for the last person named.
                if (!h.Def.SpeechAct && _lastPerson is not null)
                    for (int j = first; j < end; j++)
                        if (ClauseOf(j) == tc && IsWord(j) && Is(j, "er") && !(j > first && Has(j - 1, Cue.Speech)))
                        {
                            if (!list.Exists(m => m.Person && m.First >= 0 && m.First < j) && !list.Exists(m => m.Name == _lastPerson))
                                list.Insert(0, new ActorMention { First = j, Last = j, Name = _lastPerson, Person = true });
                            break;
                        }
                // What talks are about is not who talks: "beraten über neue Hilfen für die Ukraine".
                if (h.Type == EventType.Consult) list.RemoveAll(m => m.First >= 0 && InTopic(m.First, h.Token, first, clause));
                var evActors = ImmutableArray.CreateBuilder<EventActor>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var m in list.OrderBy(m => m.First))
                {
                    if (!seen.Add(m.Name)) continue;
                    int ms = m.First < 0 ? attribution!.Value.Start : _t.StartOf(m.First);
                    int me = m.First < 0 ? attribution!.Value.End : _t.EndOf(m.Last);
                    var role = m.AsTarget ? ActorRole.Target
                        : h.Def.SpeechAct && m.First > h.Token && evActors.Count > 0 ? ActorRole.Target
                        : (h.Type is EventType.Assault or EventType.Sanction or EventType.Coerce or EventType.Accuse or EventType.Threaten) && m.First > h.Token && evActors.Count > 0 ? ActorRole.Target
                        : ActorRole.Source;
                    evActors.Add(new EventActor(ms, me, role, m.Name, m.EntityId ?? EntityIdAt(ms, me), m.Description));
                }

                // Place: the nearest candidate in the clause, else the sentence; a speech act only takes one before it.
                EventPlace? place = null;
                int bestDist = int.MaxValue;
                foreach (var pc in places)
                {
                    if (h.Def.SpeechAct && !h.Announced && pc.First > h.Token) continue;
                    if (InTopic(pc.First, h.Token, first, clause)) continue;
                    if (pc.ViaAuf && h.Type != EventType.Assault) continue;
                    if (pc.Direction && h.Mode != EventMode.Visit) continue;
                    // "bei Gesprächen in Istanbul": a place right after another noun trigger is that event's.
                    if (hits.Exists(o => o != h && !o.Absorbed && o.Def.Noun && o.Token < pc.First && pc.First - o.Token <= 3 && !(o.Token < h.Token && h.Token < pc.First))) continue;
                    int dist = Math.Abs(pc.First - h.Token) + (ClauseOf(pc.First) == tc ? 0 : 1000);
                    if (dist < bestDist) { bestDist = dist; place = new EventPlace(_t.StartOf(pc.First), _t.EndOf(pc.Last), pc.Name, EntityIdAt(_t.StartOf(pc.First), _t.EndOf(pc.Last))); }
                }

                // A visit "nach China": a country visited is a participant, a city visited is the place.
                if (h.Mode == EventMode.Visit && place is { } vp && EventLexicon.ActorLookup.TryGetValue(vp.Name, out var vd) && !vd.Metonym && !vd.Adjective
                    && !evActors.Any(x => x.Name == vd.Name))
                {
                    evActors.Add(new EventActor(vp.Start, vp.End, ActorRole.Target, vd.Name, vp.EntityId, null));
                    place = null;
                }
                var time = FindTime(sStart, sEnd, h.Token, tc, clause, first);
                var (status, explicitCue) = Status(h, first, end, clause, time, konjunktiv, liveCount);
                // Why: a speech act's place and time are those of the utterance; the tuple records the event's own, which a
                // demand or rejection does not have (an absorbed "Gipfel am Montag in Berlin" belongs to its own event).
                if (status is EventStatus.Asserted or EventStatus.Reported) { place = null; time = null; }
                // "wann die Gespräche sind": an embedded question leaves the event open.
                if (subClause[tc] && status == EventStatus.Held && !explicitCue && WhQuestionClause(tc, first, end, clause)) status = EventStatus.Unconfirmed;
                var evFlags = EventFlags.None;
                if (konjunktiv || reportedCue) evFlags |= EventFlags.Reported;
                if (confirmNot) evFlags |= EventFlags.Unconfirmed;
                if (status == EventStatus.Unconfirmed) evFlags |= EventFlags.Unconfirmed;

                int tStart = _t.StartOf(h.Token), tEnd = _t.EndOf(h.Particle >= 0 ? h.Particle : h.Token);
                var parts = h.Particle >= 0
                    ? ImmutableArray.Create(new TextRange(_t.StartOf(h.Token), _t.EndOf(h.Token)), new TextRange(_t.StartOf(h.Particle), _t.EndOf(h.Particle)))
                    : ImmutableArray.Create(new TextRange(tStart, tEnd));
                float conf = 0.5f + (evActors.Count > 0 ? 0.15f : 0) + (place is null ? 0 : 0.1f) + (time is null ? 0 : 0.1f) + (explicitCue ? 0.1f : 0);
                var attr = attribution is { } a0 ? new EventAttribution(a0.Start, a0.End, a0.Name) : (EventAttribution?)null;
                output.Add(new EventMention(tStart, tEnd, h.Type, h.Mode, status, evFlags, parts, evActors.ToImmutable(), place, time, attr,
                    sStart, sEnd, -1, Math.Min(conf, 0.95f), h.Cameo));
                _perSentence.Add((s, output.Count - 1));
            }
            UpdateLastPerson(actors);
            _ = sentenceHasSpeech;
        }

        /// <summary>"auszurichten", "zuzustimmen", "vorzubereiten": a separable prefix, "zu", and an infinitive.</summary>
        private static bool IsZuInfinitive(ReadOnlySpan<char> w)
        {
            if (w.StartsWith("zuzu", StringComparison.Ordinal)) return w.Length > 7;
            int k = w.IndexOf("zu", StringComparison.Ordinal);
            return k >= 2 && k <= w.Length - 5 && w.EndsWith("en", StringComparison.Ordinal);
        }

        /// <summary>Whether a token lies in a topic phrase ("über …", "um …") that the trigger is not inside.</summary>
        private bool InTopic(int token, int trigger, int first, int[] clause)
        {
            int c = clause[token - first];
            for (int j = token - 1; j >= first && clause[j - first] == c; j--)
            {
                if (j == trigger) return false;
                if (IsWord(j) && Has(j, Cue.Topic)) return trigger < j || trigger > token;
            }
            return false;
        }

        private bool WhQuestionClause(int tc, int first, int end, int[] clause)
        {
            for (int i = first; i < end; i++)
                if (clause[i - first] == tc && IsWord(i)) return Is(i, "wann") || Is(i, "ob") || Is(i, "wer") || Is(i, "wo");
            return false;
        }

        private void UpdateLastPerson(List<ActorMention> actors)
        {
            for (int i = actors.Count - 1; i >= 0; i--)
                if (actors[i].Person && actors[i].First >= 0)
                {
                    _lastPerson = actors[i].Name;
                    _lastPersonStart = _t.StartOf(actors[i].First);
                    _lastPersonEnd = _t.EndOf(actors[i].Last);
                    return;
                }
        }

        /// <summary>
        /// Step 5: the article-wide unconfirmed flag, and neighbouring sentences of the same paragraph that have no
        /// event of their own: a travel sentence after a planned meeting gives its place, dates and source
        /// ("wird unser Team in den USA sein"), a sentence before it that names one of its actors gives place and time
        /// ("Umjerow wird in Miami erwartet"), and participation after a meeting adds people ("nahmen Witkoff und Kushner teil").
        /// </summary>
        public void Finish(List<EventMention> output)
        {
            for (int k = 0; k < output.Count; k++)
            {
                var e = output[k];
                if (_unconfirmedInArticle && (e.Flags & EventFlags.Reported) != 0 && e.Status != EventStatus.Asserted)
                    e = e with { Flags = e.Flags | EventFlags.Unconfirmed };
                // Only reported ("nach ukrainischen Angaben"), and the article says it is not confirmed: not known to have happened.
                if (_unconfirmedInArticle && (e.Flags & EventFlags.Reported) != 0 && e.Status == EventStatus.Held)
                    e = e with { Status = EventStatus.Unconfirmed, Flags = e.Flags | EventFlags.Unconfirmed };
                int s = Sentences.IndexAt(e.SentenceStart);
                bool lastOfSentence = !_perSentence.Exists(p => p.Sentence == s && p.Index > k);
                if (e.Type == EventType.Consult && lastOfSentence && e.Status is EventStatus.Planned or EventStatus.Held)
                {
                    for (int f = s + 1; f <= s + 2 && f < Sentences.Count && _paragraphOf[f] == _paragraphOf[s]; f++)
                    {
                        if (_perSentence.Exists(p => p.Sentence == f)) break;
                        var span = Sentences.TokensOf(f);
                        var actors = FindActors(span.First, span.End);
                        bool travel = false, joins = false;
                        for (int i = span.First; i < span.End; i++)
                        {
                            if (Is(i, "Team") || Is(i, "Unterhändler") || Is(i, "Delegation") || Is(i, "Weg")) travel = true;
                            if (Is(i, "teil") || Is(i, "teilgenommen") || Is(i, "angereist") || Is(i, "dafür") || Is(i, "dabei")) joins = true;
                        }
                        if (e.Status == EventStatus.Planned)
                        {
                            var attr = FindAttribution(span.First, span.End, actors);
                            if (e.Attribution is null && attr is { } at) e = e with { Attribution = new EventAttribution(at.Start, at.End, at.Name) };
                        }
                        if (joins)
                        {
                            var b = e.Actors.ToBuilder();
                            foreach (var m in actors)
                                if (m.Person && !b.Any(x => x.Name == m.Name))
                                    b.Add(new EventActor(_t.StartOf(m.First), _t.EndOf(m.Last), ActorRole.Source, m.Name, m.EntityId, m.Description));
                            e = e with { Actors = b.ToImmutable() };
                        }
                        if (travel && e.Status == EventStatus.Planned) e = FillFrom(e, f, span, overrideTime: true);
                    }
                    if (e.Status == EventStatus.Planned && (e.Place is null || e.Time is null) && s > 0 && _paragraphOf[s - 1] == _paragraphOf[s]
                        && !_perSentence.Exists(p => p.Sentence == s - 1))
                    {
                        var span = Sentences.TokensOf(s - 1);
                        var actors = FindActors(span.First, span.End);
                        if (actors.Exists(m => e.Actors.Any(x => x.Name == m.Name))) e = FillFrom(e, s - 1, span, overrideTime: false);
                    }
                }
                output[k] = e;
            }
        }

        private EventMention FillFrom(EventMention e, int f, TokenSpan span, bool overrideTime)
        {
            var pl = FindPlaces(span.First, span.End);
            if (e.Place is null && pl.Count > 0)
                e = e with { Place = new EventPlace(_t.StartOf(pl[0].First), _t.EndOf(pl[0].Last), pl[0].Name, EntityIdAt(_t.StartOf(pl[0].First), _t.EndOf(pl[0].Last))) };
            var clause = new int[span.End - span.First];
            var t = FindTime(Sentences.StartOf(f), Sentences.EndOf(f), span.First, 0, clause, span.First);
            bool fullDate = t is { } tv && tv.Value.Length >= 10 && tv.Value[4] == '-' && char.IsDigit(tv.Value[5]);
            if (t is not null && (e.Time is null || (overrideTime && fullDate))) e = e with { Time = t };
            return e;
        }

        private bool IsListComma(int i, int first, int end)
        {
            if (_t.KindOf(i) != TokenKind.Punctuation || !_t.TextOf(i).SequenceEqual(",")) return false;
            int prev = i - 1, next = i + 1;
            if (prev < first || next >= end) return false;
            while (next < end - 1 && IsWord(next) && Has(next, Cue.Determiner)) next++;
            return _actor[prev] is not null && _actor[next] is not null;
        }

        private static int FirstOfClause(int i, int first, int[] clause)
        {
            int c = clause[i - first];
            int j = i;
            while (j - 1 >= first && clause[j - 1 - first] == c) j--;
            return j;
        }

        private int LastOfClause(int i, int end, int[] clause, int first)
        {
            int c = clause[i - first];
            int j = i;
            while (j + 1 < end && clause[j + 1 - first] == c) j++;
            return j;
        }

        /// <summary>The particle of a separable verb: the same word, last in the verb's clause (or before a comma/end).</summary>
        private int FindParticle(int verb, int end, string particle, int[] clause, int first)
        {
            int c = clause[verb - first];
            for (int j = verb + 1; j < end; j++)
            {
                if (clause[j - first] != c) break;
                if (!Is(j, particle)) continue;
                int next = j + 1;
                if (next >= end || !IsWord(next) || clause[next - first] != c || Has(next, Cue.And)) return j;
            }
            return -1;
        }

        private List<ActorMention> FindActors(int first, int end)
        {
            var list = new List<ActorMention>();
            for (int i = first; i < end; i++)
            {
                if (!IsWord(i)) continue;
                // Title + capitalised names: the last name is the person ("Präsident Wolodymyr Selenskyj").
                if (_cap[i] && EventLexicon.IsTitle(_t.TextOf(i)))
                {
                    int j = i + 1, last = -1;
                    while (j < end && IsWord(j) && _cap[j] && _trig[j] is null && (_cue[j] & (Cue.Title | Cue.GroupNoun | Cue.Determiner)) == 0 && !EventLexicon.IsTitle(_t.TextOf(j)))
                    { last = j; j++; }
                    if (last >= 0)
                    {
                        // Why: the known name wins over the last word ("Staatschef Xi Jinping" is Xi).
                        string? known = null;
                        for (int k = i + 1; k <= last && known is null; k++)
                            if (_actor[k] is { Adjective: false } kd) known = kd.Name;
                        var name = known ?? _actor[last]?.Name ?? _t.TextOf(last).ToString();
                        list.Add(new ActorMention { First = i + 1, Last = last, Name = name, Person = true });
                        i = last;
                        continue;
                    }
                    // A group title ("die ukrainischen Unterhändler") is handled with its adjective below.
                }
                if (_actor[i] is { } ad)
                {
                    if (ad.Metonym || EventLexicon.PlaceLookup.ContainsKey(_t.TextOf(i)))
                    {
                        // "in Berlin", "in der Ukraine", "nach Moskau": a place, not an actor.
                        int p = i - 1;
                        if (p >= first && Has(p, Cue.Determiner)) p--;
                        if (p >= first && Has(p, Cue.PlacePrep))
                        {
                            // "Die Regierung in Warschau": the government of the country whose capital is named.
                            int g0 = p - 1;
                            if (ad.Metonym && Is(p, "in") && g0 >= first && IsWord(g0) && Has(g0, Cue.GroupNoun))
                            {
                                int gs = g0 - 1 >= first && Has(g0 - 1, Cue.Determiner) ? g0 - 1 : g0;
                                if (!(list.Count > 0 && list[^1].Last >= gs))
                                    list.Add(new ActorMention { First = gs, Last = i, Name = ad.Name, Description = Slice(gs, i) });
                            }
                            continue;
                        }
                    }
                    // "Frankreichs Präsident Emmanuel Macron", "der türkische Präsident Recep Tayyip Erdogan": the person acts.
                    if (i + 2 < end && IsWord(i + 1) && EventLexicon.IsTitle(_t.TextOf(i + 1)) && IsWord(i + 2) && _cap[i + 2] && _trig[i + 2] is null
                        && (_cue[i + 2] & (Cue.Determiner | Cue.GroupNoun)) == 0)
                        continue;
                    if (ad.Adjective)
                    {
                        int next = i + 1;
                        if (next < end && IsWord(next) && (Has(next, Cue.Medium) || (EventLexicon.IsTitle(_t.TextOf(next)) && next + 1 < end && _cap[next + 1] && _actor[next + 1] is not null && !(_actor[next + 1]!.Adjective))))
                            continue;
                        if (next < end && IsWord(next) && (Has(next, Cue.GroupNoun) || EventLexicon.IsTitle(_t.TextOf(next))))
                        {
                            int start = i - 1 >= first && Has(i - 1, Cue.Determiner) ? i - 1 : i;
                            list.Add(new ActorMention { First = start, Last = next, Name = ad.Name, Description = Slice(start, next) });
                            i = next;
                            continue;
                        }
                    }
                    var m = new ActorMention { First = i, Last = i, Name = ad.Name, Person = char.IsUpper(ad.Name[0]) && IsPersonName(ad.Name) };
                    if (ad.Group)
                    {
                        int start = i - 1 >= first && Has(i - 1, Cue.Determiner) ? i - 1 : i;
                        m.First = start; m.Description = Slice(start, i);
                    }
                    // "Vertretern des Kremls", "Vertreter der USA": the group is the description.
                    int g = i - 1;
                    if (g >= first && Has(g, Cue.Determiner)) g--;
                    if (g >= first && g < i && IsWord(g) && Has(g, Cue.GroupNoun))
                    {
                        m.First = g; m.Description = Slice(g, i);
                    }
                    if (list.Count > 0 && list[^1].Last >= m.First) continue;
                    list.Add(m);
                    continue;
                }
                // Hyphenated compounds: "amerikanisch-russischen", "US-Sondergesandte" (title), "Nato-Staaten".
                var w = _t.TextOf(i);
                if (w.Contains('-'))
                {
                    int h = w.LastIndexOf('-');
                    if (EventLexicon.IsTitle(w[(h + 1)..]) || EventLexicon.IsTitle(w) || (EventLexicon.CueOf(w[(h + 1)..]) & Cue.Medium) != 0) continue;
                    // "Ukraine-Gipfel", "Gaza-Gespräche": the name is the topic of the event, not a participant.
                    if (_trig[i] is not null) continue;
                    var rest = w;
                    var names = new List<string>();
                    while (rest.Length > 0)
                    {
                        int k = rest.IndexOf('-');
                        var part = k < 0 ? rest : rest[..k];
                        if (EventLexicon.ActorLookup.TryGetValue(part, out var pd) && !names.Contains(pd.Name)) names.Add(pd.Name);
                        rest = k < 0 ? [] : rest[(k + 1)..];
                    }
                    foreach (var nm in names)
                        list.Add(new ActorMention { First = i, Last = i, Name = nm });
                }
            }
            // Entities the lexicon does not know: persons by surname, organisations and places as written.
            if (!_entities.IsDefaultOrEmpty)
            {
                int cs = _t.StartOf(first), ce = _t.EndOf(end - 1);
                foreach (var e in _entities)
                {
                    if (e.Start < cs || e.End > ce || e.Level != 0) continue;
                    var span = _t.Covering(new TextRange(e.Start, e.End));
                    if (span.Count == 0) continue;
                    int f = span.First, l = span.End - 1;
                    if (list.Exists(m => m.First <= l && f <= m.Last)) continue;
                    // Places are handled as places; derived and part forms ("syrische", "Kremlsprecher") by the lexicon or not at all.
                    if (e.Type == EntityType.Location || (e.Flags & (EntityFlags.Deriv | EntityFlags.Part)) != 0) continue;
                    // A quoted name is an outlet ("des "Wall Street Journal""), a currency is no actor.
                    if (f > first && _t.KindOf(f - 1) == TokenKind.Quote) continue;
                    if (Is(f, "Euro") || Is(f, "Dollar") || Is(f, "Rubel") || Is(f, "Papst") && l == f) continue;
                    int p = f - 1;
                    if (p >= first && Has(p, Cue.Determiner)) p--;
                    if (p >= first && Has(p, Cue.PlacePrep)) continue;
                    string name = e.Type == EntityType.Person ? _t.TextOf(l).ToString() : _text[e.Start..e.End];
                    list.Add(new ActorMention { First = f, Last = l, Name = name, Person = e.Type == EntityType.Person });
                }
                list.Sort((x, y) => x.First.CompareTo(y.First));
            }
            // A sentence opening "Die Regierung …", "Die Polizei …" with no country named: the dateline's country.
            if (_datelineCountry is not null && first + 1 < end && Is(first, "Die") && (Is(first + 1, "Regierung") || Is(first + 1, "Polizei") || Is(first + 1, "Behörden"))
                && !list.Exists(m => m.First <= first + 3))
                list.Insert(0, new ActorMention { First = first, Last = first + 1, Name = _datelineCountry, Description = Slice(first, first + 1) });
            // "nach Angaben des Kremls" names a source, "an der Grenze zu Belarus" a place: neither takes part.
            list.RemoveAll(m =>
            {
                int p = m.First - 1;
                if (p >= first && Has(p, Cue.Determiner)) p--;
                if (p >= first && IsWord(p) && (Is(p, "Angaben") || (Is(p, "zu") && p - 1 >= first && Is(p - 1, "Grenze")))) return true;
                // "der Unterhändler von Kremlchef Wladimir Putin, Kirill Dmitrijew": whose envoy someone is does not take part.
                // Look past a title before the name ("Kremlchef", "Präsident").
                p = m.First - 1;
                if (p > first && IsWord(p) && char.IsUpper(_t.TextOf(p)[0]) && !Is(p, "von")) p--;
                return p - 1 >= first && IsWord(p) && Is(p, "von") && IsWord(p - 1) && IsAideNoun(_t.TextOf(p - 1));
            });
            return list;
        }

        private static bool IsAideNoun(ReadOnlySpan<char> w) =>
            w is "Unterhändler" or "Berater" or "Beraterin" or "Gesandte" or "Gesandter" or "Gesandten" or "Sondergesandte" or "Sondergesandter"
                or "Sprecher" or "Sprecherin" or "Vertraute" or "Vertrauter" or "Beauftragte" or "Beauftragter" or "Schwiegersohn" or "Sohn" or "Tochter";

        private static bool IsPersonName(string name) => !EventLexicon.Places.ContainsKey(name)
            && name is not ("USA" or "EU" or "NATO" or "UN" or "Europäer" or "Hamas" or "Hisbollah" or "Gewerkschaften" or "Opposition");

        private string Slice(int a, int b) => _text[_t.StartOf(a).._t.EndOf(b)];

        private List<PlaceCandidate> FindPlaces(int first, int end)
        {
            var list = new List<PlaceCandidate>();
            for (int i = first; i < end - 1; i++)
            {
                bool auf = IsWord(i) && Is(i, "auf");
                // "in die Ukraine" is where something goes, not where the event is.
                bool direction = IsWord(i) && Is(i, "in") && i + 1 < end && Is(i + 1, "die");
                if (!IsWord(i) || !(Has(i, Cue.PlacePrep) || auf)) continue;
                // "hieß es aus Regierungskreisen in Berlin": where the source sits, not where the event is.
                if (i > first && IsWord(i - 1) && _t.TextOf(i - 1).EndsWith("kreisen", StringComparison.OrdinalIgnoreCase)) continue;
                int j = i + 1;
                if (j < end && Has(j, Cue.Determiner)) j++;
                // "im Süden des Gazastreifens", "auf die Stadt Saporischschja", "in der Region Belgorod"
                if (j + 1 < end && IsWord(j) && (Is(j, "Süden") || Is(j, "Norden") || Is(j, "Osten") || Is(j, "Westen") || Is(j, "Nordosten") || Is(j, "Südosten")
                    || Is(j, "Nordwesten") || Is(j, "Südwesten") || Is(j, "Zentrum")))
                {
                    j++;
                    if (j < end && Has(j, Cue.Determiner)) j++;
                }
                if (j + 1 < end && IsWord(j) && (Is(j, "Stadt") || Is(j, "Region") || Is(j, "Gebiet") || Is(j, "Provinz") || Is(j, "Hauptstadt") || Is(j, "Hafenstadt"))) j++;
                if (j >= end || !IsWord(j)) continue;
                if (EventLexicon.PlaceLookup.TryGetValue(_t.TextOf(j), out var name))
                {
                    // "in den Vereinigten Staaten"
                    int last = j;
                    if (name == "USA" && j + 1 < end && Is(j + 1, "Staaten")) last = j + 1;
                    list.Add(new PlaceCandidate(i + 1 <= j ? j : i, last, name, auf, direction));
                    continue;
                }
                if (!_entities.IsDefaultOrEmpty && _cap[j])
                {
                    int start = _t.StartOf(j);
                    foreach (var e in _entities)
                        if (e.Start == start && e.Type == EntityType.Location && (e.Flags & EntityFlags.Deriv) == 0)
                        {
                            var span = _t.Covering(new TextRange(e.Start, e.End));
                            var pname = _text[e.Start..e.End];
                            foreach (var pre in (ReadOnlySpan<string>)["Region ", "Gebiet ", "Provinz ", "Stadt "])
                                if (pname.StartsWith(pre, StringComparison.Ordinal)) pname = pname[pre.Length..];
                            list.Add(new PlaceCandidate(span.First, span.End - 1, pname, auf, direction));
                            break;
                        }
                }
            }
            return list;
        }

        private readonly record struct Attr(int Start, int End, string Name, bool Person);

        /// <summary>Who the sentence credits: "teilte Selenskyj mit", "sagte Peskow", "berichtete "Politico"", "X zufolge", "sagte er".</summary>
        private Attr? FindAttribution(int first, int end, List<ActorMention> actors)
        {
            for (int i = first; i < end; i++)
            {
                if (!IsWord(i)) continue;
                if (Has(i, Cue.Zufolge))
                {
                    // "Den US-Berichten zufolge", "russischen Medien zufolge": the medium; a named outlet before it wins.
                    for (int j = i - 1; j >= first && j >= i - 4; j--)
                        if (_t.KindOf(j) == TokenKind.Word && _cap[j] && !Has(j, Cue.Determiner))
                            return new Attr(_t.StartOf(j), _t.EndOf(i - 1), _t.TextOf(j).ToString(), false);
                    continue;
                }
                if (!Has(i, Cue.Speech)) continue;
                bool impersonal = false;
                // The speaker after the verb (verb-second): title + name, a quoted outlet, or a pronoun.
                for (int j = i + 1; j < end && j <= i + 6; j++)
                {
                    var k = _t.KindOf(j);
                    if (k == TokenKind.Quote) continue;
                    if (k == TokenKind.Punctuation) break;
                    if (Is(j, "es")) { impersonal = true; break; }
                    if (Is(j, "er") || Is(j, "sie"))
                    {
                        if (_lastPerson is not null) return new Attr(_t.StartOf(j), _t.EndOf(j), _lastPerson, true);
                        break;
                    }
                    var m = actors.Find(a => a.First <= j && j <= a.Last);
                    if (m is not null) return new Attr(_t.StartOf(m.First), _t.EndOf(m.Last), m.Name, m.Person);
                    if (k == TokenKind.Word && _cap[j] && j > 0 && _t.KindOf(j - 1) == TokenKind.Quote)
                        return new Attr(_t.StartOf(j), _t.EndOf(j), _t.TextOf(j).ToString(), false);
                }
                if (impersonal) continue;
                // The speaker before the verb: a medium ("US-Medien berichteten"), else the nearest actor in front.
                for (int j = i - 1; j >= first && j >= i - 3; j--)
                    if (IsWord(j) && _cap[j] && (EventLexicon.CueOf(_t.TextOf(j)) & Cue.Medium) != 0 || (IsWord(j) && _t.TextOf(j).Contains('-') && (EventLexicon.CueOf(_t.TextOf(j)[(_t.TextOf(j).LastIndexOf('-') + 1)..]) & Cue.Medium) != 0))
                        return new Attr(_t.StartOf(j), _t.EndOf(j), _t.TextOf(j).ToString(), false);
                for (int x = actors.Count - 1; x >= 0; x--)
                    if (actors[x].First < i && actors[x].First >= first)
                        return new Attr(_t.StartOf(actors[x].First), _t.EndOf(actors[x].Last), actors[x].Name, actors[x].Person);
            }
            return null;
        }

        private void BindLocal(TriggerHit h, List<ActorMention> actors, int first, int end, int[] clause)
        {
            int c = clause[h.Token - first];
            // Demonyms right before: "amerikanisch-russischen Gesprächen", "weitere russische Angriffe".
            for (int j = h.Token - 1; j >= first && j >= h.Token - 2; j--)
            {
                var m = actors.Find(a => a.First <= j && j <= a.Last && a.BoundTo < 0 && a.Description is null);
                if (m is not null)
                    foreach (var a in actors.Where(a => a.First == m.First && a.BoundTo < 0)) { a.BoundTo = h.Token; h.Local.Add(a); }
                if (!IsWord(j) || (_cap[j] && m is null)) break;
            }
            // After: genitive ("Treffen der USA"), "mit X", "zwischen X und Y", "von X" — until the next trigger or clause end.
            int i = h.Token + 1;
            bool open = true;
            while (i < end && clause[i - first] == c && open)
            {
                if (_trig[i] is not null && _cap[i]) break;
                var m = actors.Find(a => a.First == i);
                if (m is not null && m.BoundTo < 0)
                {
                    m.BoundTo = h.Token; h.Local.Add(m);
                    i = m.Last + 1;
                    continue;
                }
                if (IsWord(i) && !(Has(i, Cue.Determiner | Cue.Zwischen | Cue.Mit | Cue.And | Cue.Von | Cue.GroupNoun) || EventLexicon.IsTitle(_t.TextOf(i))
                    || _t.KindOf(i) == TokenKind.Punctuation || (!_cap[i] && _actor[i] is not null)))
                {
                    // Allow one adjective before a noun actor ("der ukrainischen Delegation").
                    if (!(i + 1 < end && actors.Exists(a => a.First == i + 1 || a.First == i))) open = false;
                }
                i++;
            }
        }

        private EventTime? FindTime(int sStart, int sEnd, int trigger, int tc, int[] clause, int first)
        {
            if (_times.IsDefaultOrEmpty) return null;
            int tPos = _t.StartOf(trigger);
            int best = -1, bestDist = int.MaxValue;
            for (int k = 0; k < _times.Length; k++)
            {
                var te = _times[k];
                if (te.Start < sStart || te.End > sEnd) continue;
                if (te.Type is TimexType.Duration or TimexType.Set || te.Value.Length == 0 || !char.IsDigit(te.Value[0])) continue;
                // "in der Nacht" alone says which part of a day, not which day.
                if (te.Value.Length == 13 && te.Value[10] == 'T' && char.IsLetter(te.Value[11]) && !HasDayWord(te.Start, te.End)) continue;
                int ti = _t.FirstEndingAfter(te.Start);
                int dist = Math.Abs(te.Start - tPos) + (ti - first < clause.Length && ti >= first && clause[ti - first] == tc ? 0 : 10000);
                if (dist < bestDist) { bestDist = dist; best = k; }
            }
            if (best < 0) return null;
            var t = _times[best];
            // Why: a day and month without a year ("für den 20. Januar") is never most of a year before the article.
            if (_published is { } pub0 && t.Value.Length == 10 && TimeDate(t.Value) is { } old && old < pub0.AddDays(-180)
                && !HasYear(t.Start, t.End))
                t = t with { Value = old.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            // Why: "für Montag" always points forward, whatever way the tagger resolved the weekday.
            if (_published is { } pubDay && t.Value.Length == 10 && TimeDate(t.Value) is { } td && td < pubDay && td >= pubDay.AddDays(-6)
                && t.Start >= 4 && _text.AsSpan(t.Start - 4, 4).Equals("für ", StringComparison.OrdinalIgnoreCase) && HasDayWord(t.Start, t.End))
                t = t with { Value = td.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            // "am Sonntag und Montag", "vom 19. bis 20.": two dates joined make an interval.
            if (best + 1 < _times.Length)
            {
                var n = _times[best + 1];
                if (n.End <= sEnd && n.Type == TimexType.Date && t.Type == TimexType.Date && n.Start - t.End <= 6 && n.Start > t.End
                    && JoinedByAnd(t.End, n.Start) && n.Value.Length == t.Value.Length)
                    return new EventTime(t.Start, n.End, t.Value + "/" + n.Value);
            }
            if (best > 0)
            {
                var p = _times[best - 1];
                if (p.Start >= sStart && p.Type == TimexType.Date && t.Type == TimexType.Date && t.Start - p.End <= 6 && t.Start > p.End
                    && JoinedByAnd(p.End, t.Start) && p.Value.Length == t.Value.Length)
                    return new EventTime(p.Start, t.End, p.Value + "/" + t.Value);
            }
            return new EventTime(t.Start, t.End, t.Value);
        }

        /// <summary>The entity id of the first link overlapping [start, end), when a links layer is present.</summary>
        private string? EntityIdAt(int start, int end)
        {
            foreach (var l in _links)
            {
                if (l.Start >= end) break;
                if (l.End > start && !l.EntityId.StartsWith("local:", StringComparison.Ordinal)) return l.EntityId;
            }
            return null;
        }

        private bool HasYear(int from, int to)
        {
            var t = _text.AsSpan(from, to - from);
            for (int i = 0; i + 4 <= t.Length; i++)
                if (char.IsDigit(t[i]) && char.IsDigit(t[i + 1]) && char.IsDigit(t[i + 2]) && char.IsDigit(t[i + 3])) return true;
            return false;
        }

        private bool HasDayWord(int from, int to)
        {
            var t = _text.AsSpan(from, to - from);
            foreach (var d in (ReadOnlySpan<string>)["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "gestern", "heute"])
                if (t.Contains(d, StringComparison.OrdinalIgnoreCase)) return true;
            return t.IndexOfAnyInRange('0', '9') >= 0;
        }

        private bool JoinedByAnd(int from, int to)
        {
            var gap = _text.AsSpan(from, to - from).Trim();
            return gap is "und" or "bis" or "-" or "–" or "bis zum" or "und am";
        }

        /// <summary>The status from cues, in order of strength; the flag says whether an explicit cue decided it.</summary>
        private (EventStatus, bool) Status(TriggerHit h, int first, int end, int[] clause, EventTime? time, bool konjunktiv, int liveCount)
        {
            int tc = clause[h.Token - first];
            bool denied = false, cancelled = false, postponed = false, negated = false, hypo = false, planned = false, held = false, unconfirmed = false;
            bool pastAux = false, gegeben = false, geben = false, soll = false, past = false, ownKonjunktiv = false;
            for (int i = first; i < end; i++)
            {
                if (!IsWord(i)) continue;
                var cu = _cue[i];
                if ((cu & Cue.Denied) != 0) denied = true;
                if ((cu & Cue.Cancelled) != 0) cancelled = true;
                if ((cu & Cue.Postponed) != 0) postponed = true;
                if ((cu & Cue.Hypothetical) != 0 && (!h.Def.SpeechAct || clause[i - first] == tc)) hypo = true;
                if ((cu & Cue.KonjunktivI) != 0 && clause[i - first] == tc) ownKonjunktiv = true;
                if ((cu & (Cue.Planned | Cue.Stattfinden | Cue.FutureAux)) != 0) planned = true;
                if ((cu & Cue.Soll) != 0) soll = true;
                if ((cu & Cue.Held) != 0) held = true;
                if ((cu & Cue.PastAux) != 0) pastAux = true;
                if ((cu & Cue.Gegeben) != 0) gegeben = true;
                if ((cu & Cue.Geben) != 0) geben = true;
                if ((cu & (Cue.PastVerb | Cue.Gab)) != 0) past = true;
                if ((Is(i, "sagte") || Is(i, "sagten")) && FindParticle(i, end, "ab", clause, first) >= 0) cancelled = true;
                if ((cu & Cue.Negation) != 0 && (clause[i - first] == tc || (liveCount == 1 && !h.Def.SpeechAct)))
                {
                    // "bestätigte … nicht" leaves it unconfirmed; "sagte … nicht, wann" negates the saying, not the event.
                    bool onSpeech = false;
                    for (int j = i - 1; j >= first && j >= i - 8; j--)
                    {
                        if (!IsWord(j)) { if (_t.KindOf(j) == TokenKind.Punctuation) break; continue; }
                        if (Has(j, Cue.Confirm)) { unconfirmed = true; onSpeech = true; break; }
                        if (Has(j, Cue.Speech) && j != h.Token) { onSpeech = true; break; }
                    }
                    if (!onSpeech) negated = true;
                }
            }
            bool negatedByNicht = negated;
            // "kein Treffen", "keine neuen Sanktionen", "keine konkreten Pläne für ein Treffen"
            for (int j = h.Token - 1; j >= first && j >= h.Token - 5 && clause[j - first] == tc; j--)
                if (IsWord(j) && Has(j, Cue.NegDeterminer)) { negated = true; negatedByNicht = false; }
            // "Das geplante Gipfeltreffen findet vorerst nicht statt": a plan that will not happen is called off.
            if (negatedByNicht && !h.Def.SpeechAct && PlannedAdjBefore(h.Token, first)) cancelled = true;
            // "eines künftigen möglichen Waffenstillstands"
            for (int j = h.Token - 1; j >= first && j >= h.Token - 2; j--)
                if (IsWord(j) && Has(j, Cue.Possible)) hypo = true;
            // A verb trigger of its own in the past: "trafen sich", "verhängte".
            if (!h.Def.Noun && (_cue[h.Token] & Cue.PastVerb) != 0) past = true;
            if (!h.Def.Noun && !h.Def.SpeechAct && EndsLikePreterite(_t.TextOf(h.Token))) past = true;

            if (denied) return (EventStatus.Denied, true);
            if (cancelled) return (EventStatus.Cancelled, true);
            if (postponed) return (EventStatus.Postponed, true);
            if (negated) return (EventStatus.Negated, true);
            if (hypo) return (EventStatus.Hypothetical, true);
            if (unconfirmed) return (EventStatus.Unconfirmed, true);
            if (h.Announced) return (EventStatus.Planned, true);
            if (h.Def.SpeechAct)
                // Why: Konjunktiv in a "wonach"/"dass" clause reports the content; the speech act itself is plain.
                return (ownKonjunktiv ? EventStatus.Reported : EventStatus.Asserted, false);
            // "soll … teilgenommen haben": a reported claim about the past, not a plan.
            if (soll && ReportivePerfect(first, end)) return (EventStatus.Unconfirmed, true);
            if (held || (pastAux && gegeben) || PastAdjBefore(h.Token, first)) return (EventStatus.Held, true);
            if (planned || (soll && (geben || !h.Def.Noun || true)) || FutureAdjBefore(h.Token, first)) return (EventStatus.Planned, true);
            if (time is { } t && _published is { } pub && TimeDate(t.Value) is { } d)
                return (d > pub ? EventStatus.Planned : EventStatus.Held, true);
            if (konjunktiv && !past) return (EventStatus.Unconfirmed, false);
            return (EventStatus.Held, past);
        }

        private bool ReportivePerfect(int first, int end)
        {
            for (int i = first + 1; i < end; i++)
                if (IsWord(i) && (Is(i, "haben") || Is(i, "worden")) && IsWord(i - 1) && _t.TextOf(i - 1).StartsWith("ge", StringComparison.Ordinal) || IsWord(i) && Is(i, "teilgenommen"))
                    return true;
            return false;
        }

        private bool PastAdjBefore(int token, int first)
        {
            for (int j = token - 1; j >= first && j >= token - 2; j--)
                if (IsWord(j) && (Is(j, "jüngsten") || Is(j, "vergangenen") || Is(j, "letzten") || Is(j, "bisherigen"))) return true;
            return false;
        }

        private bool PlannedAdjBefore(int token, int first)
        {
            for (int j = token - 1; j >= first && j >= token - 2; j--)
                if (IsWord(j) && (Is(j, "geplante") || Is(j, "geplanten") || Is(j, "angekündigte") || Is(j, "angekündigten") || Is(j, "vorgesehene") || Is(j, "vorgesehenen")))
                    return true;
            return false;
        }

        private bool FutureAdjBefore(int token, int first)
        {
            for (int j = token - 1; j >= first && j >= token - 3; j--)
                if (IsWord(j) && Has(j, Cue.FutureAdj)) return true;
            return false;
        }

        private static bool EndsLikePreterite(ReadOnlySpan<char> w) =>
            w.EndsWith("te", StringComparison.Ordinal) || w.EndsWith("ten", StringComparison.Ordinal);

        /// <summary>The first day a TIMEX value denotes (<c>2025-12-19</c>, <c>2025-W51-WE</c>, <c>2025-12</c>), or null.</summary>
        internal static DateOnly? TimeDate(string v)
        {
            if (v.Length >= 10 && DateOnly.TryParseExact(v.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            if (v.Length >= 8 && v[4] == '-' && v[5] == 'W' && int.TryParse(v.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                && int.TryParse(v.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w is >= 1 and <= 53)
            {
                var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(y, w, DayOfWeek.Monday));
                return v.EndsWith("-WE", StringComparison.Ordinal) ? monday.AddDays(5) : monday;
            }
            if (v.Length == 7 && DateOnly.TryParseExact(v + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)) return m;
            return null;
        }
    }
}
