using System.Collections.Immutable;
using Depesche.Core;

namespace Depesche.Quotes;

/// <summary>
/// The rules that find quotes in one analysed article. One instance per article (it holds per-article scratch
/// arrays); the rules themselves are static data, so <see cref="QuoteStage"/> is thread-safe.
/// </summary>
internal sealed class QuoteFinder
{
    private readonly Analysis _analysis;
    private readonly string _text;
    private readonly TokenTable _tok;
    private readonly SentenceTable _sent;
    private readonly Layer<EntityMention>? _entities;
    private readonly int _n;
    private readonly Lex[] _lex;
    private readonly int[]?[] _verbs;
    private readonly int[] _directOf;      // index into _direct of the outermost direct quote covering a token, or -1
    private readonly List<(int Open, int Close)> _direct = [];
    private readonly List<Draft> _drafts = [];
    private readonly int[] _sentenceDraft;  // last draft that a sentence carries, or -1

    private sealed class Draft
    {
        public int First, End;                // message tokens [First, End)
        public QuoteKind Kind;
        public List<TextRange> Cue = [];
        public int SpkFirst = -1, SpkEnd = -1; // speaker mention tokens
        public SpeakerKind SpeakerKind;
        public int RefStart = -1, RefEnd = -1, Entity = -1;
        public bool Anonymous;
        public List<SourceLink> Chain = [];   // links beyond the speaker, origin first
        public QuoteFlags Flags;
        public int Sentence;
        public int Direct = -1;               // index into _direct when this is a direct quote
        public bool FreeIndirect;
        public bool Removed;
        public bool ViaOutlet;
        public bool Verbal;                   // cued by a speech verb or a clause-final "so"
        public int CueSentence = -1;          // the sentence of a cue after the message ("MSG. Das schrieben X."), else -1
    }

    /// <summary>Per-token arrays reused by the finders of one thread; every slot below the token count is written before it is read.</summary>
    private sealed class Scratch
    {
        [ThreadStatic] private static Scratch? _current;
        public Lex[] Lex = [];
        public int[]?[] Verbs = [];
        public int[] DirectOf = [];

        public static Scratch For(int n)
        {
            var s = _current ??= new Scratch();
            if (s.Lex.Length < n)
            {
                int cap = Math.Max(n, s.Lex.Length * 2);
                s.Lex = new Lex[cap];
                s.Verbs = new int[]?[cap];
                s.DirectOf = new int[cap];
            }
            return s;
        }
    }

    public QuoteFinder(Analysis analysis)
    {
        _analysis = analysis;
        _text = analysis.Text;
        _tok = analysis.Tokens;
        _sent = analysis.Sentences;
        _entities = analysis.Find<Layer<EntityMention>>(LayerName.Entities);
        _n = _tok.Count;
        // Why: per-token scratch is a third of what the stage allocated; it is kept per thread (see Scratch).
        var scratch = Scratch.For(_n);
        _lex = scratch.Lex;
        _verbs = scratch.Verbs;
        _directOf = scratch.DirectOf;
        _sentenceDraft = new int[_sent.Count];
        Array.Fill(_sentenceDraft, -1);
        for (int i = 0; i < _n; i++)
        {
            var e = Lexicon.Get(_tok.TextOf(i));
            _lex[i] = e.Flags;
            _verbs[i] = e.Verbs;
            // Why: "Angaben", "Berichten" are nouns; a capitalised cue form counts only at a sentence start.
            if (e.Verbs is not null && char.IsUpper(_tok.TextOf(i)[0]) && (_tok.FlagsOf(i) & TokenFlags.SentenceStart) == 0)
            {
                _lex[i] &= ~Lex.Cue;
                _verbs[i] = null;
            }
        }
    }

    public ImmutableArray<Quote> Run()
    {
        // 1. Direct quotes: pair quotation marks of every German style.
        FindDirect();
        // 2. Per sentence: verb cues (both orders), "wie X berichtete", "laut X", "X zufolge", "nach Angaben X", "hieß es".
        for (int s = 0; s < _sent.Count; s++) Sentence(s);
        // 2b. "laut X", "nach Angaben X", "X zufolge" inside a relative or subordinate clause attribute that clause.
        for (int s = 0; s < _sent.Count; s++) ClauseAttributions(s);
        // 3. Direct quotes left without a cue inherit the speaker of the quote just before them.
        AttachDirect();
        // 4. Konjunktiv sentences after a quote continue it (free indirect speech).
        FreeIndirect();
        // 5. Pronoun speakers are resolved to their antecedent; the source chain and flags are completed.
        return Finish();
    }

    // ---------- token helpers ----------

    private bool Is(int i, Lex f) => i >= 0 && i < _n && (_lex[i] & f) != 0;
    private ReadOnlySpan<char> T(int i) => _tok.TextOf(i);
    private bool Tx(int i, string s) => i >= 0 && i < _n && T(i).Equals(s, StringComparison.Ordinal);
    private bool Cap(int i) => i >= 0 && i < _n && char.IsUpper(T(i)[0]);
    private bool Lower(int i) => i >= 0 && i < _n && char.IsLower(T(i)[0]);
    private bool Punct(int i) => _tok.KindOf(i) is TokenKind.Punctuation;
    private bool Comma(int i) => i >= 0 && i < _n && Tx(i, ",");
    private bool IsQuoteMark(int i) => i >= 0 && i < _n && _tok.KindOf(i) == TokenKind.Quote;
    private bool EndPunct(int i) => i >= 0 && i < _n && (Tx(i, ".") || Tx(i, "!") || Tx(i, "?"));
    private bool ClauseBreak(int i) => Tx(i, ",") || Tx(i, ":") || Tx(i, ";") || EndPunct(i) || Tx(i, "(") || Tx(i, ")") || _tok.KindOf(i) == TokenKind.Dash;
    private TextRange R(int first, int end) => new(_tok.StartOf(first), _tok.EndOf(end - 1));

    // ---------- 1. direct quotes ----------

    private void FindDirect()
    {
        Array.Fill(_directOf, -1, 0, _n);
        // Why: a stack per style keeps „…“ and »…« apart; ASCII '"' toggles; single ‚…‘ only when opened by ‚.
        var stack = new List<(int Tok, char Close)>();
        for (int i = 0; i < _n; i++)
        {
            if (_tok.KindOf(i) != TokenKind.Quote && !(_tok.TextOf(i).Length == 1 && "„“”\"»«‚‘".Contains(_tok.TextOf(i)[0], StringComparison.Ordinal))) continue;
            var t = T(i);
            if (t.Length != 1) continue;
            char c = t[0];
            int top = stack.Count - 1;
            if (top >= 0 && (stack[top].Close == c || (stack[top].Close == '“' && c == '”') || (stack[top].Close == '"' && c is '“' or '”')))
            {
                int open = stack[top].Tok;
                stack.RemoveAt(top);
                if (stack.Count == 0) _direct.Add((open, i));
                continue;
            }
            switch (c)
            {
                case '„': stack.Add((i, '“')); break;
                case '»': stack.Add((i, '«')); break;
                case '«': stack.Add((i, '»')); break;
                case '‚': stack.Add((i, '‘')); break;
                case '"': stack.Add((i, '"')); break;
                case '“': stack.Add((i, '”')); break;
            }
            // Why: an opener unclosed within a paragraph-sized window is a stray mark; drop it so the rest still pairs.
            if (stack.Count > 0 && i - stack[0].Tok > 400) stack.RemoveAt(0);
        }
        for (int q = 0; q < _direct.Count; q++)
            for (int i = _direct[q].Open; i <= _direct[q].Close; i++) _directOf[i] = q;
    }

    /// <summary>A direct quote that reads as speech rather than a title, a name or a scare quote.</summary>
    private bool Speechlike(int q)
    {
        var (open, close) = _direct[q];
        int len = close - open - 1;
        if (len < 3 || Titlelike(q)) return false;
        bool endPunct = EndPunct(close - 1) || Tx(close - 1, ",") || Tx(close - 1, "…");
        if (endPunct || len >= 8) return true;
        for (int i = open + 1; i < close; i++)
            if (Is(i, Lex.Konj1 | Lex.Konj2 | Lex.Verbish | Lex.Cue) || Tx(i, "ich") || Tx(i, "wir") || Tx(i, "Ich") || Tx(i, "Wir")) return true;
        return false;
    }

    /// <summary>A quoted name or title that opens at <paramref name="i"/> and is part of the clause, not its message.</summary>
    private bool SkippableTitle(int i) => _directOf[i] >= 0 && _direct[_directOf[i]].Open == i && Titlelike(_directOf[i]) && _direct[_directOf[i]].Close - i <= 6;

    /// <summary>Names and titles in quotation marks: "Politico", „Todeszone im Atlantik – Das Bermuda-Dreieck“.</summary>
    private bool Titlelike(int q)
    {
        var (open, close) = _direct[q];
        int len = close - open - 1;
        if (len > 12) return false;
        if (EndPunct(close - 1) && len > 3) return false;
        int words = 0, caps = 0;
        for (int i = open + 1; i < close; i++)
        {
            if (_tok.KindOf(i) is not (TokenKind.Word or TokenKind.Abbreviation)) continue;
            words++;
            if (Cap(i)) caps++;
        }
        return words == 0 || caps * 2 >= words + 1 || len <= 2 && caps == words;
    }

    // ---------- 2. sentences ----------

    private void Sentence(int s)
    {
        var span = _sent.TokensOf(s);
        int a = span.First, b = span.End;
        if (b - a < 3) return;
        int last = EndPunct(b - 1) || Tx(b - 1, ":") || Tx(b - 1, ";") ? b - 1 : b;   // message end for indirect speech (final punctuation excluded)
        bool done = false, freeCue = false;
        if (WieClause(s, a, last)) return;
        if (SoClause(s, a, last)) return;

        for (int v = a; v < b && !done; v++)
        {
            if (!Is(v, Lex.Cue) || _directOf[v] >= 0 && !(_direct[_directOf[v]].Open == v || _direct[_directOf[v]].Close == v)) continue;
            if (_directOf[v] >= 0) continue;
            if (!ResolveVerb(v, b, out var verb, out int particle)) continue;

            // "wie X berichtete": a subordinate cue; handled below.
            if (WieBefore(v, a) >= 0) continue;
            // "X sagte, …. Die Behörde gehe davon aus, dass …": a cue in Konjunktiv I is itself reported; right after a
            // quote the whole sentence continues it (free indirect speech, step 4).
            if (KonjunktivCue(v, a) && Previous(a, 1) is not null) { freeCue = true; continue; }

            // (a) "MSG, sagte X." / "„…“, sagte X." — the verb right after a comma or a closing quote.
            int before = v - 1;
            // Why: "… der Sendung „Tagesschau“ meldete der Sender, dass …": a quoted title before the verb is no message.
            bool titleBefore = IsQuoteMark(before) && _directOf[before] >= 0 && _direct[_directOf[before]].Close == before && !Speechlike(_directOf[before]);
            if (before > a && (Comma(before) || IsQuoteMark(before) && !titleBefore) && !(v + 1 < b && (Tx(v + 1, ":") || Comma(v + 1))) && !SubjectBefore(a, v, out _)
                && !(Comma(before) && ClauseFollows(v + 1, last)))
            {
                int msgEnd = Comma(before) ? before : v;
                if (Comma(before) && IsQuoteMark(before - 1)) msgEnd = before;
                int q = msgEnd - 1 >= 0 ? _directOf[msgEnd - 1] : -1;
                int spk0 = v + 1;
                if ((verb.Flags & CueFlags.NoSubject) != 0 && Tx(spk0, "es"))
                {
                    // "hieß es (weiter) aus Regierungskreisen": the circle is the speaker.
                    int p = spk0 + 1;
                    while (p < last && Is(p, Lex.Adverb)) p++;
                    spk0 = p < last && (Tx(p, "aus") || Tx(p, "in") || Tx(p, "im") || Tx(p, "von") || Tx(p, "vom") || Tx(p, "bei") || Tx(p, "beim")) ? p + 1 : -1;
                }
                var d = NewDraft(s, verb, v, particle);
                while (spk0 >= 0 && spk0 < last && Tx(spk0, "sich")) spk0++;
                if (spk0 >= 0) SetSpeakerForward(d, spk0, particle >= 0 ? particle : last);
                if (q >= 0 && _direct[q].Close == msgEnd - 1)
                {
                    d.Kind = QuoteKind.Direct;
                    d.Direct = q;
                    d.First = _direct[q].Open;
                    d.End = _direct[q].Close + 1;
                }
                else
                {
                    int first = ClauseStartBack(a, msgEnd);
                    if (msgEnd - first < 2) continue;
                    if (!MessageBeforeCue(first, msgEnd)) continue;
                    d.Kind = QuoteKind.Indirect;
                    d.First = first;
                    d.End = msgEnd;
                }
                AddChainIn(d, v + 1, last);
                Add(d);
                done = true;
                break;
            }

            // (b) "X sagte, (dass) MSG." / "In Moskau sagte X, dass MSG." / "X sagte: „…“" — message after the comma or colon.
            // With an auxiliary ("Der NDR hat begründet, dass …") the subject sits around the auxiliary.
            int fin = AuxBefore(v, a);
            bool withAux = fin >= 0;
            if (!withAux) fin = v;
            int subjEnd = -1;
            bool subjectBefore = SubjectBefore(a, fin, out int subjStart, out int subjBeforeEnd);
            // "Der Politik schlug er vor", "Eine Verschiebung bezeichnete er als fatal": a nominative pronoun right after
            // the finite verb is the subject; what stands before the verb is a fronted object.
            if (subjectBefore && !withAux && (Tx(fin + 1, "er") || Tx(fin + 1, "sie") && !Is(subjStart, Lex.Pronoun)) && !(subjBeforeEnd == subjStart + 1 && Is(subjStart, Lex.Pronoun)))
                subjectBefore = false;
            // "Eine Verschiebung bezeichnete Conze als fatal": a bare name after the verb is the subject when what stands
            // before it is a common noun phrase that names nobody who could speak.
            if (subjectBefore && !withAux && FrontedObject(subjStart, subjBeforeEnd, fin, b)) subjectBefore = false;
            // "Frank Biermann, Vorsitzender der DJU für das Münsterland, sagte": a name and an apposition the phrase rules
            // do not cover, closed by a comma right before the verb.
            if (!subjectBefore && ApposedSubject(a, fin)) { subjectBefore = true; subjStart = a; subjBeforeEnd = fin - 1; }
            // "Er verständigte die Polizei und teilte mit, dass …": a cue verb coordinated with an earlier verb shares its subject.
            bool shared = false;
            if (!subjectBefore && !withAux && fin - 1 > a && Is(fin - 1, Lex.Coord) && ClauseSubject(a, fin - 1, out int cs, out int ce))
            { subjectBefore = shared = true; subjStart = cs; subjBeforeEnd = ce; }
            int k = fin + 1;
            int npEnd = -1;
            while (k < b && (Tx(k, "sich") || Is(k, Lex.Adverb) && !Cap(k))) k++;
            int subjFirst = subjectBefore ? subjStart : -1;
            if (subjectBefore) subjEnd = subjBeforeEnd;
            else if ((verb.Flags & CueFlags.NoSubject) == 0)
            {
                npEnd = NounPhrase(k, withAux ? v : b);
                if (npEnd > k) { subjFirst = k; subjEnd = npEnd; k = npEnd; }
            }
            if (withAux) k = v + 1;
            // "In dem Bericht heißt es, …", "Im Bericht heißt es, …": the document named before "heißt es" is the source.
            if (subjFirst < 0 && (verb.Flags & CueFlags.NoSubject) != 0 && Tx(fin + 1, "es") && PassiveAgent(a, fin, out int hf, out int he) && !Tx(hf, "von") && !Tx(hf, "vom"))
            { subjFirst = hf; subjEnd = he; }
            // "Aus Paris hieß es, …", "Bei der Agentur RIA hieß es, …": the phrase before "hieß es" names the source.
            if (subjFirst < 0 && (verb.Flags & CueFlags.NoSubject) != 0 && Tx(fin + 1, "es") && (Tx(a, "Aus") || Tx(a, "Von") || Tx(a, "Vom") || Tx(a, "Bei") || Tx(a, "Beim"))
                && NounPhrase(a + 1, fin) == fin && fin > a + 1)
            { subjFirst = a + 1; subjEnd = fin; }
            if (withAux && IsWerden(fin) && IsParticiple(v))
            {
                // Passive ("Es wird vermutet, dass …", "Klien wurde vorgeworfen, …"): the subject is not the speaker;
                // the agent is a "von X" phrase or a document "in einem Bericht X", when there is one.
                subjFirst = -1; subjEnd = -1;
                if (PassiveAgent(a, v, out int pf, out int pe)) { subjFirst = pf; subjEnd = pe; }
            }
            bool negated = false;
            int stop = k;
            while (stop < last && !Comma(stop) && !Tx(stop, ":") && (_directOf[stop] < 0 || SkippableTitle(stop)))
            {
                if (_directOf[stop] >= 0) { stop = _direct[_directOf[stop]].Close + 1; continue; }
                if (Is(stop, Lex.Negation)) negated = true;
                stop++;
            }
            bool hasObject = stop > k + (particle >= 0 ? 1 : 0) && !AllSkippable(k, stop);
            // "Hier sparte der Bundespräsident nicht mit Kritik:" + „…“ as the next sentence: the colon hands the cue and its
            // subject to the quote that follows.
            if (Tx(stop, ":") && stop == b - 1 && b < _n && _directOf[b] >= 0 && _direct[_directOf[b]].Open == b && !Titlelike(_directOf[b]))
            {
                AddCuedDirect(s, verb, v, particle, subjFirst, subjEnd, _directOf[b], stop);
                done = true;
                break;
            }
            if (stop < last && (Comma(stop) || Tx(stop, ":") || _directOf[stop] >= 0))
            {
                int m = Comma(stop) || Tx(stop, ":") ? stop + 1 : stop;
                if (m < last && _directOf[m] >= 0 && _direct[_directOf[m]].Open == m && (Tx(stop, ":") || Comma(stop) || m == stop && Speechlike(_directOf[m])) && !Titlelike(_directOf[m]))
                {
                    AddCuedDirect(s, verb, v, particle, subjFirst, subjEnd, _directOf[m], stop);
                    done = true;
                    break;
                }
                if (Comma(stop) && m < last && MessageStart(m, last, verb, hasObject, negated))
                {
                    var d = NewDraft(s, verb, v, particle);
                    if (subjFirst >= 0) SetSpeaker(d, subjFirst, subjEnd);
                    if (negated)
                    {
                        d.Kind = QuoteKind.Reported; d.First = a; d.End = b;
                    }
                    else
                    {
                        d.Kind = QuoteKind.Indirect; d.First = m; d.End = last;
                    }
                    AddChainIn(d, v + 1, stop);
                    Add(d);
                    // "X erklärte, A sei B, und kündigte an, C zu tun": a second cue coordinated after the message ends it, and
                    // the scan goes on from there for that cue's own message.
                    if (!negated && CoordinatedCue(m, last, b) is int cut && cut > m + 1)
                    {
                        d.End = cut;
                        v = Comma(cut) ? cut + 1 : cut;
                        continue;
                    }
                    done = true;
                    break;
                }
                if (Tx(stop, ":") && m < last && (verb.Flags & CueFlags.Say) != 0)
                {
                    var d = NewDraft(s, verb, v, particle);
                    if (subjFirst >= 0) SetSpeaker(d, subjFirst, subjEnd);
                    d.Kind = QuoteKind.Indirect; d.First = m; d.End = last;
                    Add(d);
                    done = true;
                    break;
                }
            }

            // (c) "Das schrieben X" — the message is the sentence before.
            if (fin == a + 1 && Is(a, Lex.Anaphor) && Cap(a) && s > 0 && (verb.Flags & CueFlags.Say) != 0)
            {
                var prev = _sent.TokensOf(s - 1);
                var d = NewDraft(s, verb, v, particle);
                if (subjFirst >= 0) SetSpeaker(d, subjFirst, subjEnd);
                // "Dies geht aus einer Pressemitteilung des Konzerns hervor": the document is the source.
                else if (verb.Lemma == "hervorgehen" && Tx(fin + 1, "aus") && NounPhrase(fin + 2, particle >= 0 ? particle : last) is int hp && hp > fin + 2) SetSpeaker(d, fin + 2, hp);
                int old = _sentenceDraft[s - 1];
                if (old >= 0 && _drafts[old].Cue.Count == 0) _drafts[old].Removed = true;
                if (old < 0 || _drafts[old].Removed)
                {
                    d.Kind = QuoteKind.Indirect; d.First = prev.First; d.End = prev.End; d.Sentence = s - 1; d.CueSentence = s;
                    AddChainIn(d, v + 1, last);
                    Add(d);
                    _sentenceDraft[s] = _drafts.Count - 1;
                    done = true;
                    break;
                }
            }

            // (d) reported speech: "Russland lehnt solche Truppen ab", "Peskow kritisierte die Pläne".
            // Why: "Der Senatssprecher kritisierte den Kurs:" introduces the message after the colon; the sentence itself is no message.
            // "Ihm drohen zehn Jahre Haft" is no threat anyone utters; "X drohte mit Y" is.
            bool speechAct = verb.Lemma != "drohen" || HasToken(v + 1, stop, "mit");
            // "Er wurde zu zehn Jahren Haft verurteilt" is a sentence passed, not a condemnation.
            if (verb.Lemma == "verurteilen" && (HasToken(ClauseStartBefore(a, v), stop, "zu") || HasToken(ClauseStartBefore(a, v), stop, "zum") || HasToken(ClauseStartBefore(a, v), stop, "zur"))) speechAct = false;
            // "Sie äußerte sich zufrieden": that someone spoke, with nothing said; SpkAtt marks no event there.
            if (verb.Lemma == "äußern" && Tx(v + 1, "sich")) speechAct = false;
            if ((verb.Flags & CueFlags.Report) != 0 && subjFirst >= 0 && !shared && speechAct && (hasObject || particle >= 0) && _directOf[a] < 0 && !HasAttribution(a, last) && !Tx(b - 1, ":"))
            {
                var d = NewDraft(s, verb, v, particle);
                if (subjFirst >= 0) SetSpeaker(d, subjFirst, subjEnd);
                d.Kind = QuoteKind.Reported; d.First = a; d.End = b;
                AddChainIn(d, v + 1, last);
                Add(d);
                done = true;
                break;
            }
        }
        if (done || freeCue) return;

        // Fallback "X <verb> …, dass MSG": a subject, a finite verb, and a dass/ob clause; the verb is not in the lexicon.
        if (DassFallback(s, a, last)) return;
        // "Im Mai wurde bekannt, dass …", "Wie gestern bekannt wurde, …": news made known by nobody named.
        if (BecameKnown(s, a, last)) return;
        // "die Forderung des Vorsitzenden, auf die SPD zuzugehen": a speech noun with its clause.
        if (NominalCue(s, a, last)) return;

        // "laut X MSG", "X zufolge MSG", "nach Angaben (des|der|von) X MSG", "unter Berufung auf X".
        for (int i = a; i < last; i++)
        {
            if (_directOf[i] >= 0) continue;
            if (RelativeAttribution(s, i, a, last)) return;
            // Why: an attribution inside a relative or subordinate clause attributes that clause (ClauseAttributions).
            if (i > a && SubordinateStart(a, i) >= 0 && (Is(i, Lex.Laut) || Tx(i, "nach") || Tx(i, "gemäß"))) continue;
            if (Is(i, Lex.Laut) && !Is(i - 1, Lex.Determiner))
            {
                int np = NounPhrase(i + 1, last);
                if (np <= i + 1) continue;
                var d = NewDraft(s, null, i, -1);
                SetSpeaker(d, i + 1, np);
                d.Kind = QuoteKind.Indirect;
                if (i == a) { d.First = Comma(np) ? np + 1 : np; d.End = last; }
                else { d.First = a; d.End = last; }
                if (d.End - d.First < 2) continue;
                AddChainIn(d, np, last);
                Add(d);
                return;
            }
            if (Is(i, Lex.Zufolge) && i > a)
            {
                int np = NounPhraseBack(a, i);
                if (np < 0) continue;
                var d = NewDraft(s, null, i, -1);
                SetSpeaker(d, np, i);
                d.Kind = QuoteKind.Indirect;
                if (np == a) { d.First = Comma(i + 1) ? i + 2 : i + 1; d.End = last; }
                else { d.First = a; d.End = last; }
                if (d.End - d.First < 2) continue;
                Add(d);
                return;
            }
            if (i == a && (Tx(i, "Demnach") || Tx(i, "Demzufolge")) && last - i > 3)
            {
                var d = NewDraft(s, null, i, -1);
                SetSpeaker(d, i, i + 1);
                d.Kind = QuoteKind.Indirect; d.First = i + 1; d.End = last;
                Add(d);
                return;
            }
            if (i == a && Cap(i) && !Tx(i, "Nach"))
            {
                // "Seiner Meinung nach MSG", "Dem Vernehmen nach MSG"
                int np = NounPhrase(i, last);
                if (np > i && Tx(np, "nach") && HasSourceNoun(i, np) && last - np > 3)
                {
                    var d = NewDraft(s, null, np, -1);
                    SetSpeaker(d, i, np);
                    d.Kind = QuoteKind.Indirect; d.First = Comma(np + 1) ? np + 2 : np + 1; d.End = last;
                    Add(d);
                    return;
                }
            }
            if (Tx(i, "Nach") || Tx(i, "nach") || Tx(i, "Gemäß") || Tx(i, "gemäß"))
            {
                int np = NounPhrase(i + 1, last);
                if (np <= i + 1 || !HasSourceNoun(i + 1, np)) continue;
                var d = NewDraft(s, null, i, -1);
                SetSpeaker(d, i + 1, np);
                d.Kind = QuoteKind.Indirect;
                if (i == a) { d.First = Comma(np) ? np + 1 : np; d.End = last; }
                else { d.First = a; d.End = last; }
                if (d.End - d.First < 2) continue;
                Add(d);
                return;
            }
        }
    }

    /// <summary>
    /// "Studien, nach denen MSG" (SpkAtt: the source is the relative pronoun) and "Berichte, wonach MSG" (the source is
    /// the noun phrase before the comma): an attribution that opens a relative clause; the message is that clause.
    /// </summary>
    private bool RelativeAttribution(int s, int i, int a, int last)
    {
        if (!Comma(i - 1)) return false;
        bool viaPronoun = (Tx(i, "nach") || Tx(i, "laut") || Tx(i, "gemäß")) && (Tx(i + 1, "denen") || Tx(i + 1, "dem") || Tx(i + 1, "der") || Tx(i + 1, "welchem") || Tx(i + 1, "welcher") || Tx(i + 1, "welchen"));
        bool wonach = Tx(i, "wonach");
        if (!viaPronoun && !wonach) return false;
        int m = wonach ? i + 1 : i + 2;
        int end = ClauseEnd(m, last);
        if (end - m < 3) return false;
        var d = new Draft { Sentence = s, Kind = QuoteKind.Indirect, First = m, End = end };
        d.Cue.Add(R(i, i + 1));
        if (viaPronoun) SetSpeaker(d, i + 1, i + 2);
        else if (NounPhraseBack(a, i - 1) is int np && np >= 0) SetSpeaker(d, np, i - 1);
        Add(d);
        return true;
    }

    /// <summary>
    /// "…, die nach dessen Angaben die Bombe enthalten sollte, …", "…, was sich nach Ansicht der Kritiker … niederschlägt",
    /// "…, die ihrer Meinung nach zu Unrecht regiert": an attribution phrase inside a relative or subordinate clause
    /// attributes that clause (from its first word to the next comma), unless a quote already covers it.
    /// </summary>
    private void ClauseAttributions(int s)
    {
        var span = _sent.TokensOf(s);
        int a = span.First, b = span.End;
        int last = EndPunct(b - 1) ? b - 1 : b;
        for (int i = a + 1; i < last; i++)
        {
            if (_directOf[i] >= 0) continue;
            int attrStart = i, attrEnd, sf, se;
            if (Is(i, Lex.Laut) && !Is(i - 1, Lex.Determiner))
            {
                int np = NounPhrase(i + 1, last);
                if (np <= i + 1) continue;
                sf = i + 1; se = np; attrEnd = np;
            }
            else if ((Tx(i, "nach") || Tx(i, "gemäß")) && NounPhrase(i + 1, last) is int np && np > i + 1 && HasSourceNoun(i + 1, np))
            {
                sf = i + 1; se = np; attrEnd = np;
            }
            else if (Tx(i, "nach") && i - 2 >= a && SourceNoun(i - 1) && Is(i - 2, Lex.Determiner))
            {
                sf = i - 2; se = i; attrStart = i - 2; attrEnd = i + 1;   // "ihrer Meinung nach"
            }
            else if (Is(i, Lex.Zufolge) && NounPhraseBack(a, i) is int nb && nb >= 0)
            {
                sf = nb; se = i; attrStart = nb; attrEnd = i + 1;
            }
            else continue;
            int f = SubordinateStart(a, attrStart);
            if (f < 0) continue;
            int e = attrEnd;
            while (e < last && !Comma(e) && !Tx(e, ";") && !Tx(e, ":")) e++;
            if (e - f < 4 || Covered(f, e)) continue;
            var d = new Draft { Sentence = s, Kind = QuoteKind.Indirect, First = f, End = e };
            d.Cue.Add(R(i, i + 1));
            SetSpeaker(d, sf, se);
            Add(d);
            i = e;
        }
    }

    /// <summary>
    /// The first word of the relative or subordinate clause that holds the phrase starting at <paramref name="at"/>
    /// ("…, die nach dessen Angaben …", "…, was sich laut X …", "…, dass nach X …"), or -1 when it stands in a main clause.
    /// </summary>
    private int SubordinateStart(int a, int at)
    {
        int c = -1;
        for (int k = at - 1; k > a; k--)
        {
            if (_directOf[k] >= 0 || EndPunct(k) || Tx(k, ":") || Tx(k, ";")) break;
            if (Comma(k)) { c = k; break; }
        }
        if (c < 0 || c + 1 >= at) return -1;
        int f = c + 1;
        return RelativeStart(f) || Is(f, Lex.Relative) && Lower(f) || Is(f, Lex.Complementizer | Lex.WhWord) && Lower(f) ? f : -1;
    }

    /// <summary>Whether a live draft's message overlaps [first, end).</summary>
    private bool Covered(int first, int end)
    {
        foreach (var d in _drafts) if (!d.Removed && d.First < end && d.End > first) return true;
        return false;
    }

    /// <summary>
    /// "bekannt werden": "Im Mai wurde bekannt, dass MSG" (the clause after the comma) and "Wie gestern bekannt wurde, MSG"
    /// (the main clause after it) are indirect speech without a speaker.
    /// </summary>
    private bool BecameKnown(int s, int a, int last)
    {
        for (int i = a + 1; i + 2 < last; i++)
        {
            if (!Tx(i, "bekannt") || _directOf[i] >= 0) continue;
            bool werdenBefore = Tx(i - 1, "wurde") || Tx(i - 1, "wurden") || Tx(i - 1, "wird") || Tx(i - 1, "ist") || Tx(i - 1, "war") || Tx(i - 1, "schon") && (Tx(i - 2, "war") || Tx(i - 2, "ist"));
            bool werdenAfter = Tx(i + 1, "wurde") || Tx(i + 1, "geworden") || Tx(i + 1, "wird");
            int c = werdenAfter ? i + 2 : i + 1;
            if (Tx(c, "ist") || Tx(c, "war")) c++;
            if (!(werdenBefore || werdenAfter) || !Comma(c) || c + 2 >= last) continue;
            int m = c + 1, end;
            int w = i - 1;
            while (w > a && Is(w, Lex.Adverb)) w--;
            if (werdenAfter && w == a && Is(a, Lex.Wie)) end = last;    // "Wie gestern bekannt wurde, MSG"
            else if (werdenBefore && Is(m, Lex.Complementizer)) end = ClauseEnd(m, last);
            else continue;
            if (end - m < 3) continue;
            var d = new Draft { Sentence = s, Kind = QuoteKind.Indirect, First = m, End = end };
            d.Cue.Add(R(i, i + 1));
            Add(d);
            return true;
        }
        return false;
    }

    /// <summary>"MSG, wie X berichtete." / "Wie X mitteilte, MSG.": the message is the main clause.</summary>
    private bool WieClause(int s, int a, int last)
    {
        for (int w = a; w < last; w++)
        {
            if (!Is(w, Lex.Wie) || _directOf[w] >= 0) continue;
            // "Wie schon die WHO sagte": adverbs may sit between "wie" and the speaker.
            int w1 = w + 1;
            while (w1 < last && w1 < w + 3 && Is(w1, Lex.Adverb) && Lower(w1)) w1++;
            // "Wie aus einer Verlautbarung der ISAF hervorgeht, …": the document after "aus" is the source.
            if (Tx(w1, "aus") && NounPhrase(w1 + 1, last) is int dp && dp > w1 + 1 && Tx(dp, "hervorgeht")) w1++;
            int np = NounPhrase(w1, last);
            if (np <= w1) continue;
            // "Wie Steve Marshall, Sprecher der UN in Birma, in Bangkok mitteilte": the comma closing an apposition.
            int after = Comma(np) && HasCommaBetween(w1, np) ? np + 1 : np;
            int v = after;
            while (v < last && v < after + 4 && !Is(v, Lex.Cue) && (Is(v, Lex.Adverb | Lex.Preposition) || IsParticleLike(v))) v++;
            if (!Is(v, Lex.Cue) && Is(after, Lex.Preposition | Lex.Adverb))
            {
                // "wie der Minister am Dienstag in Hannover erklärte,": a few adverbials before a clause-final cue.
                int u = after;
                while (u < last && u < after + 8 && !ClauseBreak(u) && !Is(u, Lex.Cue) && !Is(u, Lex.Verbish | Lex.Konj1 | Lex.Konj2) && _directOf[u] < 0) u++;
                if (Is(u, Lex.Cue) && (ClauseBreak(u + 1) || u + 1 >= last)) v = u;
            }
            if (!Is(v, Lex.Cue) || !ResolveVerbJoined(v, out var verb) && !ResolveVerbParticleBefore(v, out verb)) continue;
            var d = NewDraft(s, verb, v, -1);
            d.Cue.Insert(0, R(w, w + 1));
            SetSpeaker(d, w1, np);
            d.Kind = QuoteKind.Indirect;
            if (w == a || (w == a + 1 && IsQuoteMark(a)))
            {
                int c = v + 1;
                while (c < last && !Comma(c)) c++;
                if (c + 1 >= last) continue;
                d.First = c + 1; d.End = last;
            }
            else
            {
                int end = Comma(w - 1) ? w - 1 : w;
                d.First = a; d.End = end;
                if (end - a < 2) continue;
            }
            if (_directOf[d.First] >= 0 && _direct[_directOf[d.First]].Close == d.End - 1) { d.Kind = QuoteKind.Direct; d.Direct = _directOf[d.First]; }
            Add(d);
            return true;
        }
        return false;
    }


    private bool DassFallback(int s, int a, int last)
    {
        for (int c = a + 2; c + 1 < last; c++)
        {
            if (!Comma(c) || _directOf[c] >= 0 || !Is(c + 1, Lex.Complementizer)) continue;
            // The clause before: "Die Experten gehen davon aus" / "Wissenschaftler fanden heraus".
            int np = NounPhrase(a, c);
            if (np <= a || np >= c || !Lower(np) || Is(np, Lex.Preposition | Lex.Complementizer | Lex.Coord)) return false;
            bool agentive = np - a >= 2 && Is(a, Lex.Determiner) || Is(np - 1, Lex.Describer | Lex.Person | Lex.Outlet | Lex.Agency | Lex.Circle) || np - a >= 2 && Cap(a) && Cap(np - 1);
            if (!agentive || Is(a, Lex.Anaphor) && np == a + 1) return false;
            // "Die IAEO gehe davon aus, dass …" right after a quote: free indirect speech continuing it (step 4).
            if (Is(np, Lex.Konj1) && Previous(a, 1) is not null) return false;
            for (int i = a; i < c; i++) if (ClauseBreak(i) && !Comma(i)) return false;
            var d = new Draft { Sentence = s, Kind = QuoteKind.Indirect, First = c + 1, End = last };
            d.Cue.Add(R(np, np + 1));
            SetSpeaker(d, a, np);
            Add(d);
            return true;
        }
        return false;
    }

    private static readonly string[] SpeechNouns = ["Forderung", "Aufforderung", "Auffassung", "Ankündigung", "Warnung", "Vorwurf", "Hoffnung",
        "Hinweis", "Behauptung", "Behauptungen", "Aussage", "Ansicht", "Meinung", "Appell", "Bitte", "Argument", "Befehl", "Beschluss", "Hypothese",
        "Schlussfolgerung", "Einschätzung", "Überzeugung", "Befürchtung", "Vermutung", "Annahme", "Theorie", "These", "Zusage", "Versprechen",
        "Drohung", "Empfehlung", "Vorschlag", "Ultimatum", "Mahnung", "Aufruf", "Erklärung", "Mitteilung", "Meldung", "Feststellung",
        "Begründung", "Vorwürfe", "Warnungen", "Forderungen", "Angaben", "Äußerung", "Äußerungen", "Beteuerung", "Versicherung", "Zusicherung"];

    private bool IsSpeechNoun(int i)
    {
        if (i < 0 || i >= _n || !Cap(i)) return false;
        var t = T(i);
        foreach (var w in SpeechNouns) if (t.Equals(w, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// "die Ankündigung ihres Trainers, die Zusammenarbeit zu beenden", "der Vorwurf, dass …", "die Aussage, es sei …": a
    /// speech noun (with an optional genitive, the speaker) and a comma opening a dass, zu-infinitive or Konjunktiv clause.
    /// </summary>
    private bool NominalCue(int s, int a, int last)
    {
        for (int i = a; i + 2 < last; i++)
        {
            if (!IsSpeechNoun(i) || _directOf[i] >= 0) continue;
            int g = i + 1, gEnd = -1;
            if (Tx(g, "des") || Tx(g, "der") || Is(g, Lex.Determiner) && (T(g).EndsWith("es", StringComparison.Ordinal) || T(g).EndsWith("er", StringComparison.Ordinal)) && !Tx(g, "einer") || Cap(g) && T(g).EndsWith('s') && Comma(g + 1))
            {
                gEnd = NounPhrase(g, last);
                if (gEnd <= g) gEnd = -1;
            }
            int c = gEnd > 0 ? gEnd : i + 1;
            if (!Comma(c) || c + 1 >= last) continue;
            int m = c + 1, end;
            if (Is(m, Lex.Complementizer)) end = ClauseEnd(m, last);
            else if (ZuInfinitiveEnd(m, last) is int z && z > m) end = z;
            else
            {
                bool konj = false;
                for (int k = m; k < last && k < m + 10 && !Comma(k); k++) if (Is(k, Lex.Konj1 | Lex.Konj2) && Lower(k) || k > m && KonjGuess(k)) { konj = true; break; }
                if (!konj) continue;
                end = ClauseEnd(m, last);
            }
            if (end - m < 3) continue;
            var d = new Draft { Sentence = s, Kind = QuoteKind.Indirect, First = m, End = end };
            d.Cue.Add(R(i, i + 1));
            if (gEnd > 0) SetSpeaker(d, g, gEnd);
            else if (HeldBySubject(a, i) && ClauseSubject(a, i, out int cs, out int ce) && ce <= i) SetSpeaker(d, cs, ce);
            Add(d);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the speech noun at <paramref name="i"/> is the main clause's object or predicate ("X vertritt die Ansicht,
    /// …", "X ist der Auffassung, …", "X begründet das mit dem Argument, …"), so that the clause's subject holds it; not
    /// when it stands in another prepositional phrase ("reagierte auf die Forderung, …"), in a subordinate clause, or first.
    /// </summary>
    private bool HeldBySubject(int a, int i)
    {
        int j = i - 1;
        while (j > a && (Is(j, Lex.Determiner) || Adjectival(j))) j--;
        if (j <= a || Comma(j) || ClauseBreak(j)) return false;
        if (Is(j, Lex.Preposition) && !Tx(j, "mit")) return false;
        for (int k = a; k < j; k++) if (Comma(k) || _directOf[k] >= 0) return false;
        return true;
    }

    /// <summary>The end of a zu-infinitive clause starting at <paramref name="m"/> ("die Zusammenarbeit zu beenden"), or -1.</summary>
    private int ZuInfinitiveEnd(int m, int last)
    {
        for (int i = m; i < last && i < m + 25; i++)
        {
            if (EndPunct(i) || Tx(i, ":") || Tx(i, ";")) return -1;
            bool zu = Tx(i, "zu") && Lower(i + 1) && (T(i + 1).EndsWith('n') || Tx(i + 1, "sein")) && (i + 2 >= last || ClauseBreak(i + 2) || Is(i + 2, Lex.Coord));
            bool joined = Lower(i) && T(i).Length > 6 && T(i).IndexOf("zu", StringComparison.Ordinal) is int z && z > 1 && z < T(i).Length - 4 && T(i).EndsWith("en", StringComparison.Ordinal) && (i + 1 >= last || ClauseBreak(i + 1));
            if (zu || joined)
            {
                int e = zu ? i + 2 : i + 1;
                // "… zu beenden und sich … zu konzentrieren": coordinated infinitives continue.
                if (e < last && Is(e, Lex.Coord) && ZuInfinitiveEnd(e + 1, last) is int more && more > e) return more;
                return e;
            }
        }
        return -1;
    }

    /// <summary>The end of a subordinate clause from <paramref name="m"/>: the sentence end, or a comma followed by a finite verb of the main clause.</summary>
    private int ClauseEnd(int m, int last)
    {
        for (int i = m + 1; i + 1 < last; i++)
            if (Comma(i) && _directOf[i] < 0 && (Is(i + 1, Lex.Verbish) || Is(i + 1, Lex.Cue) && Lower(i + 1))) return i;
        return last;
    }

    /// <summary>"„…“, so der Sprecher." / "Die Lage sei ernst, so Müller.": a clause-final "so" + speaker.</summary>
    private bool SoClause(int s, int a, int last)
    {
        for (int c = a + 1; c + 2 < last + 1; c++)
        {
            if (!Comma(c) || !Tx(c + 1, "so") || _directOf[c] >= 0) continue;
            int np = NounPhrase(c + 2, last);
            if (np <= c + 2) continue;
            // "…, so Wikimedia Deutschland weiter.", "…, so eine Studie, in der …", "…, so X nach der Sitzung."
            // "…, so Müller weiter:" introduces a direct quote in the next sentence.
            bool colon = Tx(np, ":") || Tx(np, "weiter") && Tx(np + 1, ":");
            // "…, so Guttenberg wörtlich.", "…, so der Sprecher abschließend.": adverbs may close the clause.
            int after = np;
            while (after < last && Is(after, Lex.Adverb) && Lower(after)) after++;
            if (np != last && !colon && !(after == last || Comma(np) && RelativeStart(np + 1) || Is(np, Lex.Preposition) && !Is(np, Lex.Complementizer))) continue;
            var d = new Draft { Sentence = s, Verbal = true };
            d.Cue.Add(R(c + 1, c + 2));
            SetSpeaker(d, c + 2, np);
            int q = _directOf[c - 1];
            if (q >= 0 && _direct[q].Close == c - 1)
            {
                d.Kind = QuoteKind.Direct; d.Direct = q; d.First = _direct[q].Open; d.End = c;
            }
            else
            {
                d.Kind = QuoteKind.Indirect; d.First = ClauseStartBack(a, c); d.End = c;
                if (c - d.First < 2) continue;
            }
            Add(d);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Where a message that starts at <paramref name="m"/> ends because a main-clause cue verb is coordinated after it
    /// ("…, und kündigte an, …", "… und warnte vor …"): the comma or "und" before that verb, or -1.
    /// </summary>
    private int CoordinatedCue(int m, int last, int b)
    {
        for (int p = m + 2; p + 1 < last; p++)
        {
            if (_directOf[p] >= 0 || !Is(p, Lex.Coord) || !Tx(p, "und") || !Lower(p + 1) || !Is(p + 1, Lex.Cue)) continue;
            if (!ResolveVerb(p + 1, b, out _, out int particle)) continue;
            if (ClauseBreak(p + 2) && particle != p + 2) continue;
            return Comma(p - 1) ? p - 1 : p;
        }
        return -1;
    }

    /// <summary>
    /// Whether the cue clause from <paramref name="from"/> runs to a comma that opens a reported clause ("…, sagte am
    /// Montag, es sei …", "…, erklärte, dass …"): then the cue's message follows it, and what stands before the cue is its
    /// subject with an apposition ("Frank Biermann, Vorsitzender der DJU für das Münsterland, sagte, …").
    /// </summary>
    private bool ClauseFollows(int from, int last)
    {
        int c = from;
        while (c < last && !Comma(c) && !ClauseBreak(c) && _directOf[c] < 0) c++;
        if (!Comma(c) || c + 2 >= last) return false;
        int m = c + 1;
        if (Is(m, Lex.Complementizer)) return true;
        for (int i = m; i < last && i < m + 8 && !Comma(i); i++)
            if (Is(i, Lex.Konj1) && Lower(i) || i > m && KonjGuess(i)) return true;
        return false;
    }

    /// <summary>Picks the cue verb a form stands for: a separable verb when its particle closes the clause, else a plain one.</summary>
    private bool ResolveVerb(int v, int sentEnd, out CueVerb verb, out int particle)
    {
        verb = null!;
        particle = -1;
        var ids = _verbs[v];
        if (ids is null) return false;
        // Why: a participle or infinitive after "hat/haben" is fine too; the finite auxiliary is not needed for the cue.
        int clauseEnd = v + 1;
        while (clauseEnd < sentEnd && !ClauseBreak(clauseEnd) && !(IsQuoteMark(clauseEnd) && _directOf[clauseEnd] >= 0 && _direct[_directOf[clauseEnd]].Open == clauseEnd)) clauseEnd++;
        CueVerb? plain = null;
        foreach (var id in ids)
        {
            var cv = Lexicon.CueVerbs[id];
            if (cv.Particle is null) { plain ??= cv; continue; }
            if (clauseEnd - 1 > v && T(clauseEnd - 1).Equals(cv.Particle, StringComparison.OrdinalIgnoreCase))
            {
                verb = cv;
                particle = clauseEnd - 1;
                return true;
            }
            // "geht davon aus": particle followed by nothing else but the clause end.
        }
        // "teilte der Direktor der Behörde, Bagus Puruhito, mit.": an apposition between commas before the particle.
        if (Comma(clauseEnd) && ApposedParticle(clauseEnd, sentEnd) is int pe && pe > 0)
            foreach (var id in ids)
                if (Lexicon.CueVerbs[id].Particle is { } pt && T(pe).Equals(pt, StringComparison.OrdinalIgnoreCase))
                {
                    verb = Lexicon.CueVerbs[id];
                    particle = pe;
                    return true;
                }
        if (plain is null) return false;
        verb = plain;
        return true;
    }

    /// <summary>
    /// After a comma at <paramref name="c"/>: ", Name, PARTICLE" closing the clause ("…, Bagus Puruhito, mit."), the
    /// particle's index, or -1. The apposition is a capitalised phrase of a few words with no verb.
    /// </summary>
    private int ApposedParticle(int c, int sentEnd)
    {
        int k = c + 1;
        while (k < sentEnd && k < c + 8 && !ClauseBreak(k) && _directOf[k] < 0 && !(Lower(k) && Is(k, Lex.Verbish | Lex.Cue | Lex.Complementizer | Lex.Relative))) k++;
        if (k == c + 1 || !Comma(k) || k + 1 >= sentEnd || !Lower(k + 1) || !Cap(c + 1)) return -1;
        return k + 2 >= sentEnd || ClauseBreak(k + 2) ? k + 1 : -1;
    }

    /// <summary>"wie X bekannt gab": a separable verb in a subordinate clause whose particle stands right before it, apart.</summary>
    private bool ResolveVerbParticleBefore(int v, out CueVerb verb)
    {
        verb = null!;
        var ids = _verbs[v];
        if (ids is null || v == 0) return false;
        foreach (var id in ids)
            if (Lexicon.CueVerbs[id].Particle is { } p && T(v - 1).Equals(p, StringComparison.Ordinal)) { verb = Lexicon.CueVerbs[id]; return true; }
        return false;
    }

    private bool ResolveVerbJoined(int v, out CueVerb verb)
    {
        verb = null!;
        var ids = _verbs[v];
        if (ids is null) return false;
        foreach (var id in ids)
            if (Lexicon.CueVerbs[id].Particle is null) { verb = Lexicon.CueVerbs[id]; return true; }
        return false;
    }

    private static readonly string[] Auxiliaries = ["hat", "haben", "hatte", "hatten", "habe", "hätte", "hätten", "ist", "sind", "war", "waren", "wurde",
        "wurden", "wird", "werden", "will", "wollte", "wollten", "wollen", "soll", "sollte", "sollen", "kann", "konnte", "können", "muss", "musste", "müssen", "möchte",
        "mussten", "konnten", "durfte", "wollte"];

    /// <summary>The finite auxiliary of the clause that a participle or infinitive cue ends ("hat … begründet"), or -1.</summary>
    private int AuxBefore(int v, int a)
    {
        for (int i = v - 1; i >= a && i >= v - 12; i--)
        {
            if (ClauseBreak(i) || _directOf[i] >= 0) return -1;
            if (Lower(i) || i == a)
                foreach (var x in Auxiliaries)
                    if (T(i).Equals(x, StringComparison.OrdinalIgnoreCase)) return i == a ? -1 : i;
        }
        return -1;
    }

    /// <summary>Whether the cue at <paramref name="v"/> or its finite auxiliary is in Konjunktiv I ("gehe … aus", "habe … festgestellt").</summary>
    private bool KonjunktivCue(int v, int a)
    {
        if (Is(v, Lex.Konj1) && Lower(v)) return true;
        int fin = AuxBefore(v, a);
        return fin >= 0 && Is(fin, Lex.Konj1) && Lower(fin);
    }

    /// <summary>Whether a sentence holds "laut X" or "X zufolge", which attributes it better than a reported-speech verb.</summary>
    private bool HasAttribution(int a, int last)
    {
        for (int i = a; i < last; i++)
            if (_directOf[i] < 0 && (Is(i, Lex.Laut) && !Is(i - 1, Lex.Determiner) || Is(i, Lex.Zufolge) && i > a)) return true;
        return false;
    }

    private bool IsWerden(int i) => Tx(i, "wird") || Tx(i, "wurde") || Tx(i, "werden") || Tx(i, "wurden") || Tx(i, "Wird") || Tx(i, "Wurde");

    /// <summary>A past participle: "gesagt", "vorgeworfen", "mitgeteilt", "erklärt" (not a finite form like "sagte").</summary>
    private bool IsParticiple(int v)
    {
        var t = T(v);
        if (!char.IsLower(t[0]) || t.EndsWith("te", StringComparison.Ordinal) || t.EndsWith("ten", StringComparison.Ordinal)) return false;
        return t.EndsWith('t') || t.EndsWith("en", StringComparison.Ordinal);
    }

    /// <summary>The agent of a passive cue clause [a, v): "von einem Sprecher" (with "von", as SpkAtt marks it) or "in einem Bericht der X" (without "in").</summary>
    private bool PassiveAgent(int a, int v, out int first, out int end)
    {
        first = end = -1;
        for (int i = a; i < v; i++)
        {
            if (ClauseBreak(i) && !Comma(i) || _directOf[i] >= 0) continue;
            if ((Tx(i, "von") || Tx(i, "vom")) && i + 1 < v)
            {
                int np = NounPhrase(Tx(i, "vom") ? i + 1 : i + 1, v);
                if (np > i + 1) { first = i; end = np; return true; }
            }
            if ((Tx(i, "in") || Tx(i, "In") || Tx(i, "im") || Tx(i, "Im")) && i + 1 < v)
            {
                int np = NounPhrase(i + 1, v);
                if (np > i + 1 && HasSourceNoun(i + 1, np)) { first = Tx(i, "im") || Tx(i, "Im") ? i : i + 1; end = np; return true; }
            }
        }
        return false;
    }

    private static readonly string[] SourceNouns = ["angaben", "bericht", "berichten", "berichts", "studie", "auswertung", "meldung", "meldungen", "analyse",
        "einschätzung", "aussage", "aussagen", "informationen", "erkenntnissen", "ergebnis", "ergebnissen", "schätzung", "schätzungen", "umfrage",
        "darstellung", "auffassung", "ansicht", "meinung", "worten", "stellungnahme", "mitteilung", "untersuchung", "untersuchungen", "ermittlungen",
        "vorlage", "prognose", "prognosen", "statistik", "recherchen", "quellen", "schilderung", "schilderungen", "beobachtungen", "vernehmen",
        "erklärung", "vorwürfen", "überzeugung", "sicht", "expertenmeinung", "polizeiangaben", "aussagen", "information", "nachricht", "planungen", "gerüchten", "wunsch", "vorüberlegungen",
        "erkenntnisstand", "ankündigung", "erfahrungen", "entwurf", "berechnungen", "berechnung", "dokument", "veröffentlichung", "reporter",
        "reporterin", "verfassung", "gesetz", "hochrechnung", "hochrechnungen", "einschätzungen", "auskunft", "auskünften", "medien", "zeitung",
        "vorstellungen", "befragung", "zählung", "darstellungen", "meinungen", "ansichten", "pressemitteilung", "mitteilungen", "bekunden"];

    private static readonly string[] Subordinators = ["Nachdem", "Da", "Falls", "Wenn", "Als", "Weil", "Obwohl", "Während", "Bevor", "Sobald",
        "Um", "Seit", "Seitdem", "Damit", "Ehe", "Indem", "Solange", "Sofern", "Trotzdem"];

    /// <summary>
    /// Whether [first, end) before "…, sagte X" can be the message: not a fronted subordinate clause ("Nachdem er
    /// ausgepfiffen wurde, sagte er"), not a subject with its apposition ("Frank Biermann, Vorsitzender des DJV, sagte"),
    /// not a phrase with a relative clause ("In seiner Rede, die … verlesen wurde, mahnte Harper").
    /// </summary>
    private bool MessageBeforeCue(int first, int end)
    {
        if (_directOf[first] >= 0) return true;
        foreach (var w in Subordinators) if (Tx(first, w)) return false;
        int f = Tx(first, "Auch") || Tx(first, "Und") ? first + 1 : first;
        if (NounPhrase(f, end) == end) return false;
        if (Is(first, Lex.Preposition) && Cap(first))
            for (int i = first + 1; i + 1 < end; i++)
                if (Comma(i) && RelativeStart(i + 1)) return false;
        return true;
    }

    /// <summary>A noun that names a source of information: "Angaben", "Polizeiangaben", "Studie", "Meinung".</summary>
    private bool SourceNoun(int i)
    {
        if (i < 0 || i >= _n || !Cap(i)) return false;
        var t = T(i);
        foreach (var s in SourceNouns)
            if (t.EndsWith(s, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Whether a noun phrase [first, end) contains a source noun.</summary>
    private bool HasSourceNoun(int first, int end)
    {
        for (int i = first; i < end; i++) if (SourceNoun(i)) return true;
        return false;
    }

    /// <summary>The "wie" that opens a subordinate clause ending at <paramref name="v"/>, or -1.</summary>
    private int WieBefore(int v, int a)
    {
        for (int i = v - 1; i >= a && i >= v - 8; i--)
        {
            if (ClauseBreak(i)) return -1;
            if (Is(i, Lex.Wie)) return (v + 1 < _n && (ClauseBreak(v + 1) || Is(v + 1, Lex.Adverb))) ? i : -1;
        }
        return -1;
    }

    private bool AllSkippable(int from, int to)
    {
        for (int i = from; i < to; i++)
            if (!Is(i, Lex.Adverb | Lex.Negation) && !(_verbs[i] is null && Lexicon.CueVerbs.Length > 0 && IsParticleLike(i))) return false;
        return true;
    }

    private bool IsParticleLike(int i) => T(i).Length <= 7 && Lower(i) && (Tx(i, "mit") || Tx(i, "an") || Tx(i, "ab") || Tx(i, "zurück") || Tx(i, "hinzu") || Tx(i, "ein") || Tx(i, "zu") || Tx(i, "vor") || Tx(i, "hin") || Tx(i, "aus") || Tx(i, "fest") || Tx(i, "klar") || Tx(i, "bekannt") || Tx(i, "auf"));

    /// <summary>Whether the clause after a cue's comma is its message: "dass/ob/wh-", a Konjunktiv verb, or a V2 clause after a plain speech verb.</summary>
    private bool MessageStart(int m, int last, CueVerb verb, bool hasObject, bool negated)
    {
        if (Is(m, Lex.Complementizer) || (Is(m, Lex.WhWord) && !Is(m, Lex.Relative))) return true;
        if (negated) return false;
        if (Tx(m, "bevor") || Tx(m, "nachdem") || Tx(m, "weil") || Tx(m, "als") || Tx(m, "wenn") || Tx(m, "sobald") || Tx(m, "falls") || Tx(m, "da") || Tx(m, "obwohl"))
        {
            // "befürchtet, sobald er sich anschließe, werde der Druck zunehmen": a fronted subordinate clause, then the
            // reported main clause with its verb in Konjunktiv right after the comma.
            for (int i = m + 2; i + 1 < last && i < m + 25; i++)
                if (Comma(i) && _directOf[i] < 0) return Is(i + 1, Lex.Konj1 | Lex.Konj2) && Lower(i + 1);
            return false;
        }
        if (Tx(m, "um") || Tx(m, "damit")) return false;
        if ((verb.Flags & (CueFlags.Say | CueFlags.Report)) == 0) return false;
        for (int i = m; i < last && i < m + 12; i++)
        {
            if (Comma(i) && i > m + 1) break;
            if (Is(i, Lex.Konj1 | Lex.Konj2) && Lower(i)) return true;
            if (i > m && KonjGuess(i)) return true;
        }
        for (int i = m; i < last; i++)
        {
            if (Comma(i)) break;
            // "forderte X auf, eine Reform voranzutreiben": a zu-infinitive.
            if (Tx(i, "zu") && i + 1 < last && Lower(i + 1) && (T(i + 1).EndsWith("en", StringComparison.Ordinal) || Tx(i + 1, "sein") || T(i + 1).EndsWith("ern", StringComparison.Ordinal) || T(i + 1).EndsWith("eln", StringComparison.Ordinal)) && (i + 2 >= last || ClauseBreak(i + 2))) return true;
            if (Lower(i) && T(i).Length > 6 && T(i).Contains("zu", StringComparison.Ordinal) && T(i).EndsWith("en", StringComparison.Ordinal) && (i + 1 >= last || ClauseBreak(i + 1))
                && (T(i).IndexOf("zu", StringComparison.Ordinal) is int z && z > 0 && z < T(i).Length - 4)) return true;
        }
        if (Is(m, Lex.Relative) && Lower(m)) return false;   // ", der …" relative clause
        return !hasObject && verb.Lemma is "sagen" or "erklären" or "betonen" or "mitteilen" or "schreiben" or "meinen" or "versichern" or "behaupten" or "hinzufügen" or "ergänzen" or "unterstreichen" or "bekräftigen" or "warnen" or "melden" or "berichten";
    }

    /// <summary>
    /// "er freue sich", "die Regierung plane": a verb in -e right after a subject, read as Konjunktiv I. Only used right
    /// after a speech verb's comma, where a present indicative in -e (1st person) is rare.
    /// </summary>
    private bool KonjGuess(int i)
    {
        var t = T(i);
        if (t.Length < 4 || !char.IsLower(t[0]) || !t.EndsWith('e') || Is(i, Lex.Determiner | Lex.Preposition | Lex.Adverb | Lex.Coord | Lex.Negation | Lex.WhWord | Lex.Relative)) return false;
        if (t.EndsWith("ige", StringComparison.Ordinal) || t.EndsWith("ische", StringComparison.Ordinal) || t.EndsWith("liche", StringComparison.Ordinal)) return false;
        int p = i - 1;
        return Tx(p, "er") || Tx(p, "sie") || Tx(p, "es") || Tx(p, "man") || Tx(p, "Er") || Tx(p, "Sie") || Tx(p, "Es") || Tx(p, "Man")
            || Cap(p) && _tok.KindOf(p) == TokenKind.Word && !Is(p, Lex.Determiner | Lex.Preposition | Lex.Adverb);
    }

    private int ClauseStartBack(int a, int end)
    {
        // Why: the message of "MSG, sagte X" runs from the sentence start; a leading colon introduction is cut off.
        int first = a;
        for (int i = end - 1; i > a; i--)
            if (Tx(i, ":") && _directOf[i] < 0) { first = i + 1; break; }
        return first;
    }

    /// <summary>Whether the tokens before the verb form its subject ("Selenskyj sagte"), returning where it starts.</summary>
    private bool SubjectBefore(int a, int v, out int start) => SubjectBefore(a, v, out start, out _);

    /// <summary>Whether the tokens before the verb form its subject ("Selenskyj sagte"), giving where it starts and ends (trailing adverbs excluded).</summary>
    private bool SubjectBefore(int a, int v, out int start, out int end)
    {
        start = a;
        end = v;
        // The whole sentence start first ("Der Leiter der WHO, Klaus Stöhr, sagte"), then the last clause.
        if (TrySubject(a, v, out end)) { start = FocusBefore(a, v) ? a + 1 : a; return true; }
        int from = a;
        for (int i = v - 1; i > a; i--)
            if (Comma(i) && _directOf[i] < 0) { from = i + 1; break; }
        if (from == a || from >= v) return false;
        if (TrySubject(from, v, out end)) { start = FocusBefore(from, v) ? from + 1 : from; return true; }
        // "…, der sagte, man dürfe …", "…, das vorschlug, …": in a relative clause with the cue at its end, SpkAtt marks the
        // relative pronoun as the source.
        if (RelativeSubject(from, v)) { start = from; end = from + 1; return true; }
        return false;
    }

    /// <summary>
    /// Whether [rel, v) opens a relative clause whose subject is the pronoun at <paramref name="rel"/>: a nominative
    /// relative pronoun after a comma, the finite verb <paramref name="v"/> closing the clause, and no other subject
    /// (a personal pronoun or a determiner right after the relative: "die er sagte", "die die Regierung vorschlug").
    /// </summary>
    private bool RelativeSubject(int rel, int v)
    {
        if (!Comma(rel - 1) || !(Tx(rel, "der") || Tx(rel, "die") || Tx(rel, "das") || Tx(rel, "welcher") || Tx(rel, "welche") || Tx(rel, "welches"))) return false;
        if (!(v + 1 < _n && (Comma(v + 1) || Tx(v + 1, ":")))) return false;
        if (Is(rel + 1, Lex.Determiner | Lex.Pronoun) && rel + 1 < v) return false;
        for (int i = rel + 1; i < v; i++)
            if (ClauseBreak(i) || _directOf[i] >= 0 || Tx(i, "man") || Tx(i, "er") || Tx(i, "sie") || Tx(i, "es") || Tx(i, "wir") || Tx(i, "ich")) return false;
        return true;
    }

    /// <summary>
    /// Whether [a, v) is "Name, apposition," before the verb <paramref name="v"/>: it opens with a name or a determiner and
    /// a noun, its first comma follows a capitalised word, it closes with a comma, and it holds no clause of its own
    /// (no verb form the lexicon knows, no quote, no relative pronoun after a comma).
    /// </summary>
    private bool ApposedSubject(int a, int v)
    {
        if (v - a < 4 || !Comma(v - 1) || !(Cap(a) || Is(a, Lex.Determiner))) return false;
        if (Is(a, Lex.Preposition | Lex.Adverb | Lex.Complementizer | Lex.WhWord | Lex.Anaphor | Lex.Coord)) return false;
        foreach (var w in Subordinators) if (Tx(a, w)) return false;
        int first = -1;
        for (int i = a; i < v - 1; i++)
        {
            if (_directOf[i] >= 0 && !SkippableTitle(i) || EndPunct(i) || Tx(i, ":") || Tx(i, ";")) return false;
            if (Is(i, Lex.Verbish | Lex.Cue | Lex.Konj1 | Lex.Konj2) && Lower(i)) return false;
            if (Comma(i))
            {
                if (first < 0) first = i;
                if (RelativeStart(i + 1) || Is(i + 1, Lex.Complementizer | Lex.WhWord)) return false;
            }
        }
        return first > a && Cap(first - 1) && NounPhrase(a, first) == first;
    }

    /// <summary>
    /// The subject of the main clause that starts at <paramref name="a"/> and ends before <paramref name="end"/>: the
    /// phrase before its finite verb, or the phrase after the verb when an adverbial comes first ("Am Montag hatte die
    /// Kommission …"). It must name someone: a pronoun or a phrase with a capitalised word that is no anaphor.
    /// </summary>
    private bool ClauseSubject(int a, int end, out int first, out int stop)
    {
        first = stop = -1;
        int f = FocusBefore(a, end) ? a + 1 : a;
        if (!Is(f, Lex.Preposition | Lex.Adverb | Lex.Complementizer | Lex.WhWord | Lex.Anaphor) && _directOf[f] < 0)
        {
            int np = NounPhrase(f, end);
            if (np > f && np < end && Lower(np) && !Is(np, Lex.Preposition | Lex.Coord | Lex.Complementizer | Lex.Relative | Lex.Adverb))
            {
                first = f; stop = np;
                return Speakerlike(first, stop);
            }
        }
        for (int v = a + 1; v < end && v < a + 12; v++)
        {
            if (Comma(v) || _directOf[v] >= 0) return false;
            if (!Lower(v) || !(Is(v, Lex.Verbish | Lex.Cue) || IsAuxiliary(v))) continue;
            int k = v + 1;
            while (k < end && (Tx(k, "sich") || Is(k, Lex.Adverb) && !Cap(k))) k++;
            int np = NounPhrase(k, end);
            if (np <= k) return false;
            first = k; stop = np;
            return Speakerlike(first, stop);
        }
        return false;
    }

    /// <summary>The first token of the clause that holds <paramref name="v"/>: after the last comma before it, or the sentence start.</summary>
    private int ClauseStartBefore(int a, int v)
    {
        for (int i = v - 1; i > a; i--) if (Comma(i) && _directOf[i] < 0) return i + 1;
        return a;
    }

    private bool HasToken(int from, int to, string word)
    {
        for (int i = from; i < to && i < _n; i++) if (Tx(i, word)) return true;
        return false;
    }

    private bool IsAuxiliary(int i)
    {
        foreach (var x in Auxiliaries) if (T(i).Equals(x, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>A noun phrase that can name a speaker: "er", "sie", or one with a capitalised noun or name that is no anaphor.</summary>
    private bool Speakerlike(int first, int end)
    {
        if (end - first == 1 && Is(first, Lex.Pronoun)) return true;
        for (int i = first; i < end; i++)
            if (Cap(i) && !Is(i, Lex.Determiner | Lex.Anaphor) && _tok.KindOf(i) is TokenKind.Word or TokenKind.Abbreviation) return true;
        return false;
    }

    private bool FrontedObject(int first, int end, int fin, int b)
    {
        if (!Is(first, Lex.Determiner) || !Cap(first)) return false;
        for (int i = first; i < end; i++)
            if (Is(i, Lex.Describer | Lex.Person | Lex.Outlet | Lex.Agency | Lex.Circle) || _directOf[i] >= 0) return false;
        int n = fin + 1;
        if (!Cap(n) || _tok.KindOf(n) != TokenKind.Word || Is(n, Lex.Determiner | Lex.Preposition | Lex.Adverb | Lex.Pronoun | Lex.Anaphor | Lex.Complementizer | Lex.WhWord | Lex.Coord)) return false;
        int e = NounPhrase(n, b);
        if (e <= n) return false;
        for (int i = n; i < e; i++) if (!Cap(i) || Is(i, Lex.Determiner)) return false;
        return true;
    }

    private bool FocusBefore(int from, int v) =>
        (Tx(from, "Auch") || Tx(from, "Aber") || Tx(from, "Denn") || Tx(from, "Doch") || Tx(from, "Sogar") || Tx(from, "Selbst") || Tx(from, "Nur")) && from + 1 < v
        && (Cap(from + 1) || Is(from + 1, Lex.Determiner)) && !Is(from + 1, Lex.Preposition | Lex.Adverb | Lex.Complementizer | Lex.WhWord);

    /// <summary>A relative clause opens here: "der …", "die …", "deren …", "auf deren …", "in dem …".</summary>
    private bool RelativeStart(int i) =>
        Lower(i) && (Is(i, Lex.Relative) && !Tx(i, "was") && !Tx(i, "wo") || Is(i, Lex.Preposition) && Lower(i + 1) && (Tx(i + 1, "deren") || Tx(i + 1, "dessen") || Tx(i + 1, "dem") || Tx(i + 1, "der") || Tx(i + 1, "denen") || Tx(i + 1, "welchem") || Tx(i + 1, "welcher")));

    private bool HasCommaBetween(int from, int to)
    {
        for (int i = from; i < to; i++) if (Comma(i)) return true;
        return false;
    }

    private bool TrySubject(int from, int v, out int end)
    {
        end = v;
        if (from >= v) return false;
        // "Auch Winfried Hassemer glaubt", "Aber Zeitungen berichteten": a focus particle or conjunction before the subject.
        if (FocusBefore(from, v)) from++;
        // "Dieser bestätigte, dass …", "Letztere erklärte, …": a demonstrative pronoun is the subject when no other follows the verb.
        if (v == from + 1 && (Tx(from, "Dieser") || Tx(from, "Diese") || Tx(from, "Jener") || Tx(from, "Letzterer") || Tx(from, "Letztere"))
            && !(Cap(v + 1) || Is(v + 1, Lex.Determiner | Lex.Pronoun))) return true;
        if (Is(from, Lex.Preposition | Lex.Adverb | Lex.Complementizer | Lex.WhWord) || Is(from, Lex.Anaphor) && v == from + 1 && !Is(from, Lex.Pronoun)) return false;
        if (Cap(from) && T(from).StartsWith("Da", StringComparison.Ordinal) && v == from + 1 && T(from).Length <= 7 && Lower(from + 1)) return false;   // Damit, Dabei, Darin
        if (Is(from, Lex.Coord) && from + 1 < v) from++;
        if (Tx(from, "Des") && Tx(from + 1, "Weiteren")) return false;
        // Why: "Besorgt zeigte sich Kofi Annan": one capitalised word before the verb and a name after it.
        if (v == from + 1 && !Is(from, Lex.Pronoun | Lex.Describer | Lex.Outlet | Lex.Agency | Lex.Circle) && (_tok.FlagsOf(from) & TokenFlags.SentenceStart) != 0)
        {
            int after = v + 1;
            while (after < _n && Tx(after, "sich")) after++;
            if (Cap(after) && !Is(after, Lex.Determiner | Lex.Pronoun | Lex.Adverb | Lex.Preposition) && _tok.KindOf(after) == TokenKind.Word) return false;
        }
        int np = NounPhrase(from, v);
        if (np <= from) return false;
        int e = np;
        if (Comma(np) && np + 1 == v && HasCommaBetween(from, np)) return (end = np) >= 0;
        // "Die Linkspartei, auf deren Listen auch Kandidaten der WASG standen, schloss …": a relative clause between subject and verb.
        if (Comma(np) && Comma(v - 1) && v - 1 > np + 1 && RelativeStart(np + 1))
        {
            for (int i = np + 1; i < v - 1; i++) if (_directOf[i] >= 0 || EndPunct(i)) return false;
            end = np;
            return true;
        }   // "Henk Meijer, Laborleiter der Emsland Stärke, erklärte"
        while (np < v && Is(np, Lex.Adverb)) np++;   // "Die Armeeleitung hingegen sprach"
        if (np != v) return false;
        end = e;
        return true;
    }

    // ---------- noun phrases (speakers) ----------

    /// <summary>The end of a noun phrase starting at <paramref name="i"/> (exclusive), or <paramref name="i"/> when none starts there.</summary>
    private int NounPhrase(int i, int limit)
    {
        if (i >= limit) return i;
        if (Is(i, Lex.Pronoun) && (Lower(i) || Tx(i, "Er"))) return i + 1;
        if (Is(i, Lex.Preposition | Lex.Adverb | Lex.Negation | Lex.Complementizer | Lex.WhWord) && !Is(i, Lex.Determiner)) return i;
        int j = i;
        bool head = false;     // a noun or name has been seen
        bool open = false;     // a determiner or adjective waits for its noun
        int lastHeadEnd = i;
        while (j < limit)
        {
            if (_directOf[j] >= 0 && _direct[_directOf[j]].Open == j)
            {
                // A quoted name: "Politico", „Der Spiegel“.
                int close = _direct[_directOf[j]].Close;
                if (close - j - 1 is >= 1 and <= 5 && close < limit && Titlelike(_directOf[j])) { j = close + 1; head = true; open = false; lastHeadEnd = j; continue; }
                break;
            }
            if (Is(j, Lex.Determiner) && (Lower(j) || j == i))
            {
                if (head && !open && !(Tx(j, "des") || Tx(j, "der") || Tx(j, "eines") || Tx(j, "einer") || GenitiveDeterminer(j))) break;   // only a genitive attaches
                open = true; j++; continue;
            }
            // "Angaben libanesischer Sicherheitskreise", "Einschätzung politischer Beobachter": a genitive plural without article.
            if (head && !open && GenitiveAdjective(j, limit)) { open = true; j++; continue; }
            if ((Cap(j) || HyphenNoun(j) || NameToken(j) || Is(j, Lex.Agency)) && _tok.KindOf(j) is TokenKind.Word or TokenKind.Abbreviation or TokenKind.Url)
            {
                if (j > i && Is(j, Lex.Preposition | Lex.Complementizer | Lex.Verbish | Lex.Adverb) && !open) break;
                if (head && !open && Is(j, Lex.Determiner)) break;
                head = true; open = false; j++; lastHeadEnd = j; continue;
            }
            if ((open || !head) && Adjectival(j)) { open = true; j++; continue; }
            if (open && ExtendedAttribute(j, limit) is int ea && ea > j) { j = ea; continue; }
            if (head && !open && (Tx(j, "von") || Tx(j, "in") || Tx(j, "aus") || Tx(j, "für") || Tx(j, "im") || Tx(j, "vom")) && (Cap(j + 1) && !Is(j + 1, Lex.Determiner | Lex.Pronoun) || (Tx(j, "im") || Tx(j, "vom")) && Cap(j + 1)))
            { j++; open = true; continue; }
            // "ein Artikel von „BBC News“", "Johanna Moser vom „Queer Beograd Kollektiv“": a quoted name after "von".
            if (head && !open && (Tx(j, "von") || Tx(j, "vom")) && QuotedNameAt(j + 1, limit))
            { j++; open = true; continue; }
            if (head && !open && Tx(j, "von") && (Tx(j + 1, "der") || Tx(j + 1, "den")) && Cap(j + 2) && Cap(j - 1))
            { j += 2; open = true; continue; }   // "Ursula von der Leyen"
            // "Jane Greaves von der Universität", "ein Beamter aus dem Weißen Haus": membership and origin attach.
            if (head && !open && (Tx(j, "von") || Tx(j, "aus")) && Is(j + 1, Lex.Determiner) && Lower(j + 1) && !Tx(j + 1, "ein") && j + 2 < limit && (Cap(j + 2) || Adjectival(j + 2) || IsQuoteMark(j + 2)))
            { j += 2; open = true; continue; }
            if (head && !open && NameParticles(j, limit) is int np && np > j) { j = np; open = true; continue; }   // "Thomas de Maizière", "Abdalla al Badri"
            // "Ärzte ohne Grenzen", "Reporter ohne Grenzen": an organisation's name with a preposition inside.
            if (head && !open && Tx(j, "ohne") && Cap(j + 1) && !Is(j + 1, Lex.Determiner | Lex.Pronoun) && j + 1 < limit) { j++; open = true; continue; }
            if (head && !open && Is(j, Lex.Coord) && j + 1 < limit && (Cap(j + 1) || Is(j + 1, Lex.Determiner) || IsQuoteMark(j + 1))) { j++; open = true; continue; }
            if (head && !open && Tx(j, "("))
            {
                int c = j + 1;
                while (c < limit && c < j + 6 && !Tx(c, ")")) c++;
                if (c < limit && Tx(c, ")")) { j = c + 1; lastHeadEnd = j; continue; }
                break;
            }
            if (head && !open && Comma(j) && (Cap(j + 1) && !Is(j + 1, Lex.Preposition | Lex.Adverb | Lex.Anaphor | Lex.Pronoun) || ApposArticle(j + 1)))
            {
                // Apposition: ", Lars Beringer", ", der Sprecher der Polizei", ", ein Anwalt des Vereins" up to a comma, a colon or the end.
                int c = NounPhraseNoApposition(j + 1, limit);
                if (c > j + 1 && c - j - 1 <= 8 && (c >= limit || Comma(c) || EndPunct(c) || Tx(c, ":"))) { j = c; lastHeadEnd = j; continue; }
                break;
            }
            // "Mark O’Keefe" tokenized as "O ’ Keefe": an apostrophe inside a name.
            if (head && !open && (Tx(j, "’") || Tx(j, "'")) && j > i && T(j - 1).Length <= 2 && Cap(j - 1) && Cap(j + 1) && j + 1 < limit) { j += 2; lastHeadEnd = j; continue; }
            break;
        }
        return head ? lastHeadEnd : i;
    }

    /// <summary>
    /// "einer am Dienstag veröffentlichten Pressemitteilung", "der seit 2004 amtierende Präsident": a phrase between a
    /// determiner and its participle; returns the participle's index, or <paramref name="j"/> when there is none.
    /// </summary>
    private int ExtendedAttribute(int j, int limit)
    {
        if (!Is(j, Lex.Preposition) && _tok.KindOf(j) != TokenKind.Number) return j;
        for (int u = j + 1; u < limit && u <= j + 5; u++)
        {
            if (ClauseBreak(u) || _directOf[u] >= 0 || Is(u, Lex.Verbish | Lex.Cue | Lex.Complementizer)) return j;
            if (Lower(u) && !Is(u, Lex.Determiner | Lex.Preposition) && Adjectival(u)) return Cap(u + 1) || Adjectival(u + 1) ? u : j;
        }
        return j;
    }

    /// <summary>A possessive or demonstrative genitive after a noun: "Angaben seines Managers", "Worte dieses Zeugen".</summary>
    private bool GenitiveDeterminer(int j) => Tx(j, "seines") || Tx(j, "ihres") || Tx(j, "dieses") || Tx(j, "seiner") || Tx(j, "ihrer");

    /// <summary>"libanesischer" in "Angaben libanesischer Sicherheitskreise": a strong genitive plural adjective before a noun.</summary>
    private bool GenitiveAdjective(int j, int limit)
    {
        if (j + 1 >= limit || !Lower(j) || !T(j).EndsWith("er", StringComparison.Ordinal) || T(j).Length < 5 || !Adjectival(j)) return false;
        int k = j + 1;
        while (k < limit && k < j + 3 && Lower(k) && Adjectival(k) && T(k).EndsWith("er", StringComparison.Ordinal)) k++;
        return k < limit && Cap(k) && _tok.KindOf(k) == TokenKind.Word && !Is(k, Lex.Determiner | Lex.Preposition | Lex.Pronoun | Lex.Verbish);
    }

    private static readonly string[] Particles = ["de", "da", "di", "del", "della", "do", "dos", "du", "van", "von", "al", "el", "bin", "ibn", "ben", "la", "le", "ter", "ten", "zu", "y"];

    /// <summary>
    /// Lower-case particles inside a personal name between two capitalised words ("Thomas de Maizière", "Abdalla al
    /// Badri", "Heike van Laak", "Karl-Theodor zu Guttenberg"): the index of the capitalised word after them, or <paramref name="j"/>.
    /// </summary>
    private int NameParticles(int j, int limit)
    {
        if (!Cap(j - 1) || _tok.KindOf(j - 1) != TokenKind.Word) return j;
        int k = j;
        while (k < limit && k < j + 2 && Lower(k) && IsParticle(k)) k++;
        return k > j && k < limit && Cap(k) && _tok.KindOf(k) == TokenKind.Word && !Is(k, Lex.Determiner | Lex.Pronoun | Lex.Preposition) ? k : j;
    }

    private bool IsParticle(int k)
    {
        foreach (var p in Particles) if (Tx(k, p)) return true;
        return Tx(k, "der") && k > 0 && (Tx(k - 1, "van") || Tx(k - 1, "von"));
    }

    /// <summary>Whether a short quoted name ("Politico", „BBC News“) opens at <paramref name="j"/> and closes before <paramref name="limit"/>.</summary>
    private bool QuotedNameAt(int j, int limit) =>
        j < limit && _directOf[j] >= 0 && _direct[_directOf[j]].Open == j && _direct[_directOf[j]].Close < limit
        && _direct[_directOf[j]].Close - j - 1 is >= 1 and <= 5 && Titlelike(_directOf[j]);

    /// <summary>An article that can open an apposition: ", der Sprecher", ", ein Anwalt", ", dem Dekan".</summary>
    private bool ApposArticle(int j) => Tx(j, "der") || Tx(j, "die") || Tx(j, "ein") || Tx(j, "eine") || Tx(j, "einer") || Tx(j, "einem") || Tx(j, "dem");

    /// <summary>"ndr.de", "d'Italia": a lower-case token that is a name (a web address, a name with an elided article).</summary>
    private bool NameToken(int j)
    {
        if (j < 0 || j >= _n || !Lower(j)) return false;
        if (_tok.KindOf(j) == TokenKind.Url) return true;
        var t = T(j);
        int dot = t.LastIndexOf('.');
        if (dot > 1 && t.Length - dot - 1 is >= 2 and <= 4 && t.IndexOf(' ') < 0)
        {
            for (int k = dot + 1; k < t.Length; k++) if (!char.IsAsciiLetterLower(t[k])) return false;
            return true;
        }
        return t.Length > 3 && (t[1] == '\'' || t[1] == '’') && char.IsUpper(t[2]);
    }

    /// <summary>"ai-Bericht", "iPhone-Hersteller": a lower-case compound whose head after the hyphen is a noun.</summary>
    private bool HyphenNoun(int j)
    {
        if (j < 0 || j >= _n || !Lower(j)) return false;
        var t = T(j);
        int h = t.LastIndexOf('-');
        return h > 0 && h + 1 < t.Length && char.IsUpper(t[h + 1]);
    }

    private int NounPhraseNoApposition(int i, int limit)
    {
        int j = i;
        bool head = false, open = false;
        int lastHeadEnd = i;
        while (j < limit)
        {
            // "der Sprecher der so genannten „EVAC-Ambulanz“": a quoted name inside the apposition.
            if (_directOf[j] >= 0 && _direct[_directOf[j]].Open == j)
            {
                int close = _direct[_directOf[j]].Close;
                if (close - j - 1 is >= 1 and <= 5 && close < limit && Titlelike(_directOf[j])) { j = close + 1; head = true; open = false; lastHeadEnd = j; continue; }
                break;
            }
            if (Is(j, Lex.Determiner) && (Lower(j) || j == i)) { if (head && !open && !(Tx(j, "des") || Tx(j, "der") || Tx(j, "eines") || Tx(j, "einer") || GenitiveDeterminer(j))) break; open = true; j++; continue; }
            if (head && !open && GenitiveAdjective(j, limit)) { open = true; j++; continue; }
            if ((Cap(j) || NameToken(j) || _tok.KindOf(j) == TokenKind.Word && T(j).Contains('-')) && _tok.KindOf(j) is TokenKind.Word or TokenKind.Abbreviation && !Is(j, Lex.Preposition | Lex.Verbish | Lex.Cue | Lex.Complementizer))
            { head = true; open = false; j++; lastHeadEnd = j; continue; }
            if ((open || !head) && Adjectival(j)) { open = true; j++; continue; }
            // "der Hohe Vertreter für die gemeinsame Außenpolitik der EU", "Sprecher im Innenministerium", "Professor am Institut"
            if (head && !open && (Tx(j, "für") || Tx(j, "von") || Tx(j, "vom") || Tx(j, "im") || Tx(j, "am") || Tx(j, "in") || Tx(j, "aus") || Tx(j, "bei") || Tx(j, "beim")) && (Cap(j + 1) || Is(j + 1, Lex.Determiner) && Lower(j + 1)))
            { open = true; j++; continue; }
            if (head && !open && NameParticles(j, limit) is int np && np > j) { j = np; open = true; continue; }
            // "University of Oxford": an English "of" between two capitalised words.
            if (head && !open && Tx(j, "of") && Cap(j - 1) && Cap(j + 1)) { open = true; j++; continue; }
            if (head && !open && Tx(j, "("))
            {
                int c = j + 1;
                while (c < limit && c < j + 6 && !Tx(c, ")")) c++;
                if (c < limit && Tx(c, ")")) { j = c + 1; lastHeadEnd = j; continue; }
                break;
            }
            break;
        }
        return head ? lastHeadEnd : i;
    }

    /// <summary>A lower-case word that can stand before a noun: "ukrainischen", "81-jährige", "namentlich nicht genannten", "13".</summary>
    private bool Adjectival(int j)
    {
        if (j >= _n) return false;
        var t = T(j);
        if (_tok.KindOf(j) == TokenKind.Number) return true;
        if (!char.IsLower(t[0]) && !char.IsDigit(t[0])) return false;
        if (Is(j, Lex.AnonMarker) || Tx(j, "nicht") || Tx(j, "so")) return true;
        if (Is(j, Lex.Preposition | Lex.Coord | Lex.Complementizer | Lex.Cue | Lex.Verbish | Lex.Konj1 | Lex.Konj2 | Lex.Pronoun | Lex.WhWord)) return false;
        if (Is(j, Lex.Adverb) || t.Length <= 2) return false;   // "es" ends like an adjective
        return t.EndsWith("e", StringComparison.Ordinal) || t.EndsWith("en", StringComparison.Ordinal) || t.EndsWith("er", StringComparison.Ordinal)
            || t.EndsWith("es", StringComparison.Ordinal) || t.EndsWith("em", StringComparison.Ordinal);
    }

    /// <summary>The start of a noun phrase ending right before <paramref name="end"/> ("Den US-Berichten zufolge"), or -1.</summary>
    private int NounPhraseBack(int a, int end)
    {
        int j = end - 1;
        if (j < a || !(Cap(j) || IsQuoteMark(j))) return -1;
        int start = -1;
        for (int i = end - 1; i >= a && i >= end - 8; i--)
        {
            if (ClauseBreak(i)) break;
            // Why: in "Sie entstammen Zeitungsberichten zufolge" the verb is not part of the phrase.
            bool okStart = Cap(i) || Is(i, Lex.Determiner) || IsQuoteMark(i) || i == a || !Cap(i - 1) || Is(i - 1, Lex.Preposition | Lex.Coord);
            if (okStart && NounPhrase(i, end) == end) start = i;
            if (Is(i, Lex.Preposition | Lex.Cue | Lex.Verbish)) break;
        }
        return start;
    }

    // ---------- drafts ----------

    /// <summary>The direct quote <paramref name="q"/> introduced by the cue at <paramref name="v"/>, with the cue clause's subject as speaker and its chain up to <paramref name="chainEnd"/>.</summary>
    private void AddCuedDirect(int s, CueVerb? verb, int v, int particle, int subjFirst, int subjEnd, int q, int chainEnd)
    {
        var d = NewDraft(s, verb, v, particle);
        if (subjFirst >= 0) SetSpeaker(d, subjFirst, subjEnd);
        d.Kind = QuoteKind.Direct; d.Direct = q; d.First = _direct[q].Open; d.End = _direct[q].Close + 1;
        AddChainIn(d, v + 1, chainEnd);
        Add(d);
    }

    private Draft NewDraft(int s, CueVerb? verb, int v, int particle)
    {
        var d = new Draft { Sentence = s, Verbal = verb is not null };
        if (verb is not null)
        {
            d.Cue.Add(R(v, v + 1));
            if (particle >= 0) d.Cue.Add(R(particle, particle + 1));
            if ((verb.Flags & CueFlags.Deny) != 0) d.Flags |= QuoteFlags.Denied;
            if ((verb.Flags & CueFlags.NoSubject) != 0 && Tx(v + 1, "es")) d.Cue.Add(R(v + 1, v + 2));
        }
        else d.Cue.Add(R(v, v + 1));
        return d;
    }

    private void Add(Draft d)
    {
        _drafts.Add(d);
        if (d.Sentence >= 0 && d.Sentence < _sentenceDraft.Length) _sentenceDraft[d.Sentence] = _drafts.Count - 1;
    }

    private void SpeakerFor(Draft d, bool before, int subjStart, int v, int subjEnd)
    {
        if (before) SetSpeaker(d, subjStart, v);
        else if (subjEnd > v + 1) SetSpeaker(d, v + 1, subjEnd);
    }

    private void SetSpeakerForward(Draft d, int from, int limit)
    {
        int np = NounPhrase(from, limit);
        if (np > from) SetSpeaker(d, from, np);
    }

    private void SetSpeaker(Draft d, int first, int end)
    {
        if (end <= first) return;
        d.SpkFirst = first;
        d.SpkEnd = end;
        d.RefStart = _tok.StartOf(first);
        d.RefEnd = _tok.EndOf(end - 1);
        bool anon = false, describer = false, outlet = false, circle = false, name = false;
        for (int i = first; i < end; i++)
        {
            if (Is(i, Lex.AnonMarker)) anon = true;
            if (Is(i, Lex.Circle)) circle = true;
            if (Is(i, Lex.Describer | Lex.Angaben)) describer = true;
            if (Is(i, Lex.Outlet | Lex.Agency) || _directOf[i] >= 0) outlet = true;
            if (Cap(i) && !Is(i, Lex.Describer | Lex.Circle | Lex.Outlet | Lex.Angaben | Lex.Determiner | Lex.Person) && !(i == first && Is(i, Lex.Determiner))) name = true;
        }
        bool descriptive = circle || anon || outlet && !IsQuoteMark(first) && !Is(first, Lex.Agency);
        if (first + 1 == end && Is(first, Lex.Pronoun)) d.SpeakerKind = SpeakerKind.Pronoun;
        else if (_entities is not null && EntityIn(first, end) is var e && e >= 0)
        {
            // Why: "die Nachrichtenportale "Politico" und "Axios"" links to an entity but stays a description.
            d.Entity = e;
            d.SpeakerKind = descriptive ? SpeakerKind.Description : SpeakerKind.Entity;
        }
        else if (name && !descriptive && !(describer && !name)) d.SpeakerKind = SpeakerKind.Entity;
        else d.SpeakerKind = SpeakerKind.Description;
        // Why: "informierte Kreise", "ein namentlich nicht genannter Beamter", "Diplomaten" name nobody.
        d.Anonymous = anon || (circle && !name) || (d.SpeakerKind == SpeakerKind.Description && !name && Is(first, Lex.Determiner) && (Tx(first, "ein") || Tx(first, "eine") || Tx(first, "einem") || Tx(first, "einen") || Tx(first, "einer")));
        d.ViaOutlet = outlet;
    }

    private int EntityIn(int first, int end)
    {
        if (_entities is null) return -1;
        int s = _tok.StartOf(first), e = _tok.EndOf(end - 1);
        int best = -1;
        var items = _entities.Items;
        for (int i = 0; i < items.Length; i++)
        {
            if (items[i].Start >= e) break;
            // Why: "US" in "US-Medien" (part) and "russischen" (deriv) do not name the speaker.
            if (items[i].Start >= s && items[i].End <= e && items[i].Type is EntityType.Person or EntityType.Organisation or EntityType.Location
                && (items[i].Flags & (EntityFlags.Part | EntityFlags.Deriv)) == 0)
            {
                // Why: in "Präsident Wolodymyr Selenskyj" and "Sprecher der Polizei" the last mention is the head's name.
                if (best < 0 || items[i].Type == EntityType.Person || items[best].Type != EntityType.Person) best = i;
            }
        }
        return best;
    }

    /// <summary>"nach Angaben der Nachrichtenagentur X", "unter Berufung auf X und Y", "X zufolge" inside a cue clause become chain links.</summary>
    private void AddChainIn(Draft d, int from, int to)
    {
        for (int i = from; i < to && i < _n; i++)
        {
            if (d.SpkFirst >= 0 && i >= d.SpkFirst && i < d.SpkEnd) continue;
            if ((Tx(i, "nach") || Tx(i, "Nach")) && (Is(i + 1, Lex.Angaben) || Is(i + 2, Lex.Angaben)))
            {
                int np = NounPhrase(i + 1, to);
                if (np <= i + 1) continue;
                int head = i + 1;
                while (head < np && (Is(head, Lex.Angaben | Lex.Determiner))) head++;
                AddLinks(d, head, np, outward: true);
                i = np - 1;
            }
            else if (Is(i, Lex.Berufung) && Tx(i + 1, "auf"))
            {
                int np = NounPhrase(i + 2, to);
                if (np <= i + 2) continue;
                AddLinks(d, i + 2, np, outward: false);
                i = np - 1;
            }
            else if (Is(i, Lex.Zufolge))
            {
                int np = NounPhraseBack(from, i);
                if (np >= 0) AddLinks(d, np, i, outward: true);
            }
        }
    }

    /// <summary>Adds one link per coordinated phrase. Outward links (the outlet that relays the speaker) follow the speaker; inward ones (circles an outlet relies on) precede it.</summary>
    private void AddLinks(Draft d, int first, int end, bool outward)
    {
        int start = first;
        var links = new List<SourceLink>();
        for (int i = first; i <= end; i++)
        {
            if (i == end || Is(i, Lex.Coord) && !(_directOf[i] >= 0))
            {
                if (i > start) links.Add(Link(start, i));
                start = i + 1;
            }
        }
        if (outward) d.Chain.AddRange(links);
        else d.Chain.InsertRange(0, links.Select(l => l with { Start = l.Start }));
        if (!outward) d.Chain.Insert(links.Count, new SourceLink(-1, -1, SourceLinkKind.Speaker, false));   // placeholder: the speaker goes here
        if (links.Any(l => l.Anonymous)) d.Flags |= QuoteFlags.Anonymous;
    }

    private SourceLink Link(int first, int end)
    {
        bool anon = false, circle = false, agency = false, outlet = false, name = false;
        for (int i = first; i < end; i++)
        {
            if (Is(i, Lex.AnonMarker)) anon = true;
            if (Is(i, Lex.Circle)) circle = true;
            if (Is(i, Lex.Agency)) agency = true;
            if (Is(i, Lex.Outlet) || _directOf[i] >= 0) outlet = true;
            if (Cap(i) && !Is(i, Lex.Circle | Lex.Outlet | Lex.Agency | Lex.Determiner | Lex.Describer)) name = true;
        }
        var kind = agency ? SourceLinkKind.Agency : outlet ? SourceLinkKind.Outlet : circle ? SourceLinkKind.Circle : SourceLinkKind.Speaker;
        return new SourceLink(_tok.StartOf(first), _tok.EndOf(end - 1), kind, anon || (circle && !name));
    }

    // ---------- 3. direct quotes without a cue ----------

    private void AttachDirect()
    {
        var claimed = new bool[_direct.Count];
        foreach (var d in _drafts) if (d.Direct >= 0) claimed[d.Direct] = true;
        for (int q = 0; q < _direct.Count; q++)
        {
            if (claimed[q]) continue;
            var (open, close) = _direct[q];
            // Why: "X nannte das „fahrlässig“" — a partial quote in a reported sentence is the quote itself.
            var host = _drafts.FirstOrDefault(d => !d.Removed && d.First <= open && d.End > close);
            if (host is not null)
            {
                if (host.Kind == QuoteKind.Reported && host.Direct < 0 && !Titlelike(q) | Tx(open - 1, "als"))
                {
                    host.Kind = QuoteKind.Direct; host.Direct = q; host.First = open; host.End = close + 1;
                    claimed[q] = true;
                }
                continue;
            }
            if (!Speechlike(q)) continue;
            int s = _tok.SentenceOf(open);
            var d = new Draft { Sentence = s, Kind = QuoteKind.Direct, Direct = q, First = open, End = close + 1 };
            if (ColonIntroducer(open, out int cf, out int ce))
            {
                SetSpeaker(d, cf, ce);
                Add(d);
                continue;
            }
            // Why: a quote that is its own sentence right after an attributed quote continues that speaker ("…, teilte X mit. „…“");
            // only from the sentence right before (two sentences back lost on the tune split).
            var prev = Previous(open, 1);
            if (prev is not null)
            {
                d.Cue.AddRange(prev.Cue);
                d.SpkFirst = prev.SpkFirst; d.SpkEnd = prev.SpkEnd; d.SpeakerKind = prev.SpeakerKind;
                d.RefStart = prev.RefStart; d.RefEnd = prev.RefEnd; d.Entity = prev.Entity; d.Anonymous = prev.Anonymous;
                d.Chain.AddRange(prev.Chain);
                d.ViaOutlet = prev.ViaOutlet;
            }
            Add(d);
        }
        _drafts.Sort((x, y) => x.First != y.First ? x.First.CompareTo(y.First) : y.End.CompareTo(x.End));
    }

    /// <summary>
    /// "Der Ermittler will seine Ermittlungen einstellen:" + „…“ in the next sentence: the speaker is the subject of the
    /// sentence that ends with the colon.
    /// </summary>
    private bool ColonIntroducer(int open, out int first, out int end)
    {
        first = end = -1;
        if (open == 0 || !Tx(open - 1, ":") || _tok.SentenceOf(open - 1) == _tok.SentenceOf(open) && !(_tok.SentenceOf(open) > 0)) return false;
        int ps = _tok.SentenceOf(open - 1);
        var prev = _sent.TokensOf(ps);
        int a = prev.First;
        // "…, so Elshorst weiter:" / "Dies teilte der Sprecher mit:": the introducing sentence's own cued speaker.
        foreach (var o in _drafts)
            if (!o.Removed && o.Verbal && o.Sentence == ps && o.SpkFirst >= 0 && o.SpkEnd <= open - 1) { first = o.SpkFirst; end = o.SpkEnd; return true; }
        int np = NounPhrase(a, open - 1);
        // "Den Unmut der Partei brachte die Sprecherin zum Ausdruck:": a fronted object; the subject follows the finite verb.
        if (np > a && (Tx(a, "Den") || Tx(a, "Dem") || Tx(a, "Einen") || Tx(a, "Einem") || Tx(a, "Diesen") || Tx(a, "Diesem")))
        {
            for (int i = np; i < open - 1; i++)
            {
                bool finite = Lower(i) && (Is(i, Lex.Cue | Lex.Verbish) || (Cap(i - 1) || IsQuoteMark(i - 1)) && !Is(i, Lex.Determiner | Lex.Preposition | Lex.Coord | Lex.Adverb | Lex.Complementizer | Lex.WhWord | Lex.Relative | Lex.Negation));
                if (!finite) continue;
                int k = i + 1;
                while (k < open - 1 && (Tx(k, "sich") || Is(k, Lex.Adverb) && !Cap(k))) k++;
                int e = NounPhrase(k, open - 1);
                if (e > k) { first = k; end = e; return true; }
                break;
            }
        }
        if (np > a && Lower(np) && !Is(a, Lex.Anaphor)) { first = a; end = np; return true; }
        // "Bundesinnenminister Schäuble: „…“": the phrase before the colon is the whole introducer.
        if (np == open - 1 && np - a <= 6 && !Is(a, Lex.Anaphor | Lex.Preposition) && _tok.SentenceOf(a) == _tok.SentenceOf(open)) { first = a; end = np; return true; }
        // "Der Leiter der UNO-Studie, Paulo Sérgio Pinheiro, sieht …:": the apposition closes with a comma before the verb.
        if (np > a && Comma(np) && Lower(np + 1) && !Is(np + 1, Lex.Relative) && HasCommaBetween(a, np) && !Is(a, Lex.Anaphor)) { first = a; end = np; return true; }
        // "In der ARD zeigt sich der Bundestrainer zufrieden:" — the subject after the finite verb.
        for (int i = a + 1; i < open - 1 && i < a + 8; i++)
        {
            // Why: "Hier sparte der Bundespräsident": a word in -e before a determiner is the finite verb, not an adjective.
            if (!Lower(i) || Is(i, Lex.Determiner | Lex.Preposition) || Adjectival(i) && !(Is(i + 1, Lex.Determiner | Lex.Pronoun) && Lower(i + 1))) continue;
            int k = i + 1;
            while (k < open - 1 && (Tx(k, "sich") || Is(k, Lex.Adverb) && !Cap(k))) k++;
            int e = NounPhrase(k, open - 1);
            if (e > k) { first = k; end = e; return true; }
            return false;
        }
        return false;
    }

    /// <summary>The last quote that ends before token <paramref name="tok"/> within <paramref name="sentences"/> sentences, if it has a speaker.</summary>
    private Draft? Previous(int tok, int sentences)
    {
        int s = _tok.SentenceOf(tok);
        Draft? best = null;
        foreach (var d in _drafts)
            if (!d.Removed && d.End <= tok && d.SpkFirst >= 0 && (best is null || d.End > best.End)) best = d;
        // Why: "MSG. Das schrieben X. MSG2": a quote attributed by a later sentence reaches as far as that sentence.
        if (best is null || s - Math.Max(_tok.SentenceOf(best.End - 1), best.CueSentence) > sentences) return null;
        return best;
    }

    // ---------- 4. free indirect speech ----------

    // Why (tuned on the SpkAtt tune split): Konjunktiv II counts too; the quote continued must end in the sentence right
    // before (allowing one unattributed sentence between lost on both splits once the other rules had grown).
    private const Lex FreeKonj = Lex.Konj2;
    private const int FreeGap = 1;

    private void FreeIndirect()
    {
        var covered = new bool[_sent.Count];
        foreach (var d in _drafts)
            if (!d.Removed)
                for (int s = _tok.SentenceOf(d.First); s <= _tok.SentenceOf(d.End - 1); s++) covered[s] = true;
        var added = new List<Draft>();
        Draft? run = null;
        for (int s = 1; s < _sent.Count; s++)
        {
            if (covered[s]) { run = null; continue; }
            var span = _sent.TokensOf(s);
            bool konj = false, konj1 = false;
            for (int i = span.First; i < span.End; i++)
            {
                if (_directOf[i] >= 0) continue;
                // Why: "habe ich", "ich plane": a first-person present indicative looks like Konjunktiv I.
                // Why: Konjunktiv II after a comma is mostly a conditional or relative clause ("…, die entlasten würde"), not report.
                if (Is(i, Lex.Konj1 | FreeKonj) && (Lower(i) || Tx(i, "Sei")) && !Tx(i - 1, "ich") && !Tx(i - 1, "Ich") && !Tx(i + 1, "ich")
                    && (Is(i, Lex.Konj1) || !HasCommaBetween(span.First, i)))
                {
                    konj = true;
                    if (Is(i, Lex.Konj1)) { konj1 = true; break; }
                }
                // Reportative "sollen": "Er soll resistent sein", "Es soll zu Einsätzen gekommen sein".
                if ((Tx(i, "soll") || Tx(i, "sollen") || Tx(i, "Soll") && i == span.First) && ReportativeSoll(i, span.End)) { konj = konj1 = true; break; }
                // "Der Rat sagte, … Die Truppen sollen im Mai abziehen.": right after a quote, "sollen" renders the plan it
                // reported; alone (no quote in the sentence before) it stays a plain statement.
                if ((Tx(i, "soll") || Tx(i, "sollen")) && !HasCommaBetween(span.First, i)) konj = true;   // main clause only, not "…, das finanziert werden soll"
            }
            if (!konj || span.Count < 4 || FirstPerson(span.First, span.End)) { run = null; continue; }
            if (run is not null && _tok.SentenceOf(run.End - 1) == s - 1)
            {
                run.End = span.End;
                continue;
            }
            var prev = Previous(span.First, FreeGap);
            if (prev is not null && prev.Kind == QuoteKind.Reported && prev.Cue.Count == 0) { run = null; continue; }
            if (prev is null && !konj1) { run = null; continue; }
            if (prev is null)
            {
                // Why: Konjunktiv I in news copy is reported speech even when the speaker is out of reach; the message stands alone.
                run = new Draft { Sentence = s, Kind = QuoteKind.Indirect, First = span.First, End = span.End, FreeIndirect = true };
                added.Add(run);
                _drafts.Add(run);
                continue;
            }
            run = new Draft
            {
                Sentence = s, Kind = QuoteKind.Indirect, First = span.First, End = span.End, FreeIndirect = true,
                SpkFirst = prev.SpkFirst, SpkEnd = prev.SpkEnd, SpeakerKind = prev.SpeakerKind, RefStart = prev.RefStart, RefEnd = prev.RefEnd,
                Entity = prev.Entity, Anonymous = prev.Anonymous, ViaOutlet = prev.ViaOutlet, Flags = prev.Flags & (QuoteFlags.Anonymous),
            };
            run.Chain.AddRange(prev.Chain);
            added.Add(run);
            _drafts.Add(run);
        }
    }

    /// <summary>Whether a sentence speaks in the first person singular outside quotation marks: an interview answer, not a report.</summary>
    private bool FirstPerson(int first, int end)
    {
        for (int i = first; i < end; i++)
            if (_directOf[i] < 0 && (Tx(i, "ich") || Tx(i, "Ich"))) return true;
        return false;
    }

    /// <summary>"soll … gewesen sein", "sollen … geholfen haben": "sollen" with a perfect infinitive reports a claim.</summary>
    private bool ReportativeSoll(int i, int end)
    {
        for (int k = i + 1; k < end && k < i + 30; k++)
        {
            if (Comma(k) || EndPunct(k) || Tx(k, ";") || Tx(k, ":")) return false;
            if ((Tx(k, "haben") || Tx(k, "sein")) && (k + 1 >= end || ClauseBreak(k + 1)) && Lower(k - 1) && IsParticiple(k - 1)) return true;
        }
        return false;
    }

    // ---------- 5. finish ----------

    private ImmutableArray<Quote> Finish()
    {
        var article = _analysis.Article;
        var agency = article.Source.Agency;
        var result = ImmutableArray.CreateBuilder<Quote>(_drafts.Count);
        var live = _drafts.Where(d => !d.Removed && d.End > d.First).OrderBy(d => d.First).ToList();

        // Unconfirmed / denied reports: "Das Weiße Haus bestätigte die Berichte zunächst nicht", "… dementierte den Bericht".
        for (int s = 0; s < _sent.Count; s++)
        {
            var span = _sent.TokensOf(s);
            bool confirmNeg = false, deny = false, aboutReports = false;
            for (int i = span.First; i < span.End; i++)
            {
                if (_directOf[i] >= 0) continue;
                if (_verbs[i] is { } ids)
                    foreach (var id in ids)
                    {
                        var f = Lexicon.CueVerbs[id].Flags;
                        if ((f & CueFlags.Confirm) != 0) confirmNeg |= HasNegationAfter(i, span.End);
                        if ((f & CueFlags.Deny) != 0 && Lexicon.CueVerbs[id].Particle is null) deny = true;
                        if (Lexicon.CueVerbs[id].Lemma == "zurückweisen" && HasParticle(i, span.End, "zurück")) deny = true;
                    }
                if (Is(i, Lex.Outlet) || Tx(i, "dies") || Tx(i, "das") || Tx(i, "Angaben")) aboutReports = true;
            }
            if (!(confirmNeg || deny) || !aboutReports) continue;
            int start = span.First;
            foreach (var d in live)
            {
                if (d.First >= start) continue;
                // Why: "the reports" are media reports; a quote relayed by an agency is not what was left unconfirmed.
                if (d.ViaOutlet && !SpeakerIsAgency(d) || d.Chain.Any(l => l.Kind == SourceLinkKind.Outlet) || s - _tok.SentenceOf(d.First) <= 1)
                    d.Flags |= confirmNeg ? QuoteFlags.Unconfirmed : QuoteFlags.Denied;
            }
        }

        // Why: "Peskow sagte, dass … Peskow sagte russischen Medien zufolge nicht, …": the relay covers both statements.
        for (int i = 0; i + 1 < live.Count; i++)
        {
            var x = live[i];
            var y = live[i + 1];
            if (x.SpkFirst < 0 || y.SpkFirst < 0 || Math.Abs(_tok.SentenceOf(y.First) - _tok.SentenceOf(x.End - 1)) > 1) continue;
            if (!T(x.SpkEnd - 1).Equals(T(y.SpkEnd - 1), StringComparison.Ordinal)) continue;
            if (x.Chain.Count == 0 && y.Chain.Count > 0 && y.Chain.All(l => l.Kind is SourceLinkKind.Outlet or SourceLinkKind.Agency)) x.Chain.AddRange(y.Chain);
            else if (y.Chain.Count == 0 && x.Chain.Count > 0 && x.Chain.All(l => l.Kind is SourceLinkKind.Outlet or SourceLinkKind.Agency)) y.Chain.AddRange(x.Chain);
        }

        foreach (var d in live)
        {
            var speaker = default(QuoteSpeaker);
            if (d.SpkFirst >= 0)
            {
                int rs = d.RefStart, re = d.RefEnd, ent = d.Entity;
                if (d.SpeakerKind == SpeakerKind.Pronoun) (rs, re, ent) = Antecedent(d);
                speaker = new QuoteSpeaker(_tok.StartOf(d.SpkFirst), _tok.EndOf(d.SpkEnd - 1), d.SpeakerKind, rs, re, ent, d.Anonymous);
            }
            var chain = ImmutableArray.CreateBuilder<SourceLink>();
            bool placed = false;
            foreach (var l in d.Chain)
            {
                if (l.Start < 0)
                {
                    if (!speaker.IsEmpty) chain.AddRange(SpeakerLinks(speaker, d));
                    placed = true;
                }
                else chain.Add(l);
            }
            if (!placed && !speaker.IsEmpty) chain.InsertRange(0, SpeakerLinks(speaker, d));
            var flags = d.Flags;
            if (speaker.Anonymous || d.SpkFirst < 0 && d.Cue.Count > 0) flags |= QuoteFlags.Anonymous;
            if (chain.Any(l => l.Anonymous)) flags |= QuoteFlags.Anonymous;
            int media = chain.Count(l => l.Kind is SourceLinkKind.Outlet or SourceLinkKind.Agency);
            if (media == 1) flags |= QuoteFlags.SingleSource;
            if (agency is not null)
            {
                var ar = article.Source.AgencyRange;
                chain.Add(new SourceLink(ar?.Start ?? 0, ar?.End ?? 0, SourceLinkKind.Agency, false, agency));
            }
            result.Add(new Quote(_tok.StartOf(d.First), _tok.EndOf(d.End - 1), d.Kind, QuoteCue.From([.. d.Cue.OrderBy(c => c.Start)]), speaker, chain.ToImmutable(), flags));
        }
        return result.ToImmutable();
    }

    private bool SpeakerIsAgency(Draft d)
    {
        for (int i = d.SpkFirst; i >= 0 && i < d.SpkEnd; i++) if (Is(i, Lex.Agency)) return true;
        return false;
    }

    /// <summary>The speaker as chain links: one per coordinated outlet ("Politico" und "Axios"), else one.</summary>
    private IEnumerable<SourceLink> SpeakerLinks(QuoteSpeaker s, Draft d)
    {
        if (d.ViaOutlet && d.SpeakerKind != SpeakerKind.Pronoun)
        {
            var parts = new List<(int, int)>();
            int start = d.SpkFirst;
            for (int i = d.SpkFirst; i <= d.SpkEnd; i++)
                if (i == d.SpkEnd || Is(i, Lex.Coord) && _directOf[i] < 0)
                {
                    if (i > start) parts.Add((start, i));
                    start = i + 1;
                }
            if (parts.Count > 1)
            {
                foreach (var (a, b) in parts)
                {
                    int first = a;
                    // Why: "die Nachrichtenportale "Politico"": the link is the name, the common noun is the description.
                    while (first < b - 1 && !IsQuoteMark(first) && (Is(first, Lex.Determiner | Lex.Outlet))) first++;
                    var l = Link(first, b);
                    yield return l with { Kind = l.Kind == SourceLinkKind.Speaker ? SourceLinkKind.Outlet : l.Kind };
                }
                yield break;
            }
        }
        yield return SpeakerLink(s, d);
    }

    private SourceLink SpeakerLink(QuoteSpeaker s, Draft d)
    {
        var kind = SourceLinkKind.Speaker;
        if (d.ViaOutlet)
        {
            bool agency = false;
            for (int i = d.SpkFirst; i < d.SpkEnd; i++) if (Is(i, Lex.Agency)) agency = true;
            kind = agency ? SourceLinkKind.Agency : SourceLinkKind.Outlet;
        }
        return new SourceLink(s.ReferentStart, s.ReferentEnd, kind, s.Anonymous);
    }

    private bool HasNegationAfter(int v, int end)
    {
        for (int i = v + 1; i < end && !ClauseBreak(i); i++) if (Tx(i, "nicht")) return true;
        return false;
    }

    private bool HasParticle(int v, int end, string particle)
    {
        for (int i = v + 1; i < end && !ClauseBreak(i); i++) if (Tx(i, particle) && ClauseBreak(i + 1)) return true;
        return false;
    }

    /// <summary>"sagte er" → the last person named before: an entity mention of type person when the layer exists, else the last named speaker, else the last capitalised name.</summary>
    private (int Start, int End, int Entity) Antecedent(Draft d)
    {
        int pos = _tok.StartOf(d.SpkFirst);
        if (_entities is not null)
        {
            var items = _entities.Items;
            for (int i = items.Length - 1; i >= 0; i--)
                if (items[i].End <= pos && items[i].Type == EntityType.Person && items[i].Level == 0) return (items[i].Start, items[i].End, i);
        }
        Draft? best = null;
        foreach (var o in _drafts)
            if (!o.Removed && o.SpeakerKind == SpeakerKind.Entity && !o.ViaOutlet && o.RefEnd <= pos && (best is null || o.RefEnd > best.RefEnd)) best = o;
        // A title followed by a name ("Außenminister Johann Wadephul") mentioned more recently than the last speaker.
        int titled = -1;
        for (int i = d.SpkFirst - 1; i >= 0 && i >= d.SpkFirst - 200; i--)
        {
            if (best is not null && _tok.EndOf(i) <= best.RefStart) break;
            if (Is(i, Lex.Person) && Cap(i + 1) && !Is(i + 1, Lex.Determiner | Lex.Preposition) && i + 1 < d.SpkFirst)
            {
                int e = i + 1;
                while (e < d.SpkFirst && Cap(e) && _tok.KindOf(e) == TokenKind.Word && !Is(e, Lex.Determiner | Lex.Preposition | Lex.Verbish)) e++;
                titled = e - 1;
                break;
            }
        }
        if (titled >= 0) return (_tok.StartOf(titled), _tok.EndOf(titled), -1);
        if (best is not null)
        {
            // Why: "Präsident Wolodymyr Selenskyj" is referred to by its last name.
            int last = best.SpkEnd - 1;
            while (last > best.SpkFirst && !(Cap(last) && _tok.KindOf(last) == TokenKind.Word)) last--;
            return (_tok.StartOf(last), _tok.EndOf(last), best.Entity);
        }
        return (_tok.StartOf(d.SpkFirst), _tok.EndOf(d.SpkEnd - 1), -1);
    }
}
