using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Depesche.Entities.Ner;

/// <summary>
/// A trained NER tagger: hashed emission weights (one row of <see cref="NerLabels.Count"/> floats per hashed feature,
/// only the non-zero rows kept),
/// tag-transition weights, the gazetteer and word clusters it was trained with, and its feature settings.
/// Tagging is Viterbi decoding under BIO constraints. Immutable once built; <see cref="Tag"/> is thread-safe
/// (scratch buffers are per thread).
/// </summary>
public sealed class NerModel
{
    /// <summary>File magic and format version of <see cref="Save(Stream)"/>.</summary>
    public const uint Magic = 0x4E455250; // "PREN"
    public const int FormatVersion = 1;

    private readonly NerFeatures _features;
    [ThreadStatic] private static FeatureBuffer? t_buffer;
    [ThreadStatic] private static float[]? t_scores;
    [ThreadStatic] private static int[]? t_back;

    /// <summary>From the dense weights of training: one row of tags per hashed feature row.</summary>
    internal NerModel(int rowBits, FeatureSet features, float[] weights, float[] transitions, Gazetteer gazetteer, WordClusters clusters, string version)
        : this(rowBits, features, Compact(rowBits, weights), transitions, gazetteer, clusters, version)
    {
    }

    private NerModel(int rowBits, FeatureSet features, (int[] Slots, float[] Rows) compact, float[] transitions, Gazetteer gazetteer, WordClusters clusters, string version)
    {
        int L = NerLabels.Count;
        if (compact.Slots.Length != 1 << rowBits) throw new ArgumentException("Weight slot table does not match the row count.");
        if (transitions.Length != (L + 1) * L) throw new ArgumentException("Transition array has the wrong size.");
        RowBits = rowBits;
        Features = features;
        _slots = compact.Slots;
        _rows = compact.Rows;
        Transitions = transitions;
        Gazetteer = gazetteer;
        Clusters = clusters;
        Version = version;
        _features = new NerFeatures(features, gazetteer, clusters, rowBits);
    }

    public int RowBits { get; }
    public FeatureSet Features { get; }
    public Gazetteer Gazetteer { get; }
    public WordClusters Clusters { get; }

    /// <summary>A free-form model version recorded in produced layers (e.g. <c>germeval-dev+smartdata-2026-11-25</c>).</summary>
    public string Version { get; }

    /// <summary>
    /// Per hashed row, its slot in <see cref="_rows"/>; slot 0 is a row of zeros shared by every unused row.
    /// Why not one dense array: at 2^20 rows × 25 tags it is 105 MB of floats of which about five in six rows are zero,
    /// half the resident memory of an ingest; the slot table costs 4 MB and one more load per feature.
    /// </summary>
    private readonly int[] _slots;
    private readonly float[] _rows;

    /// <summary>Hashed rows with a non-zero weight.</summary>
    public int NonZeroRows => _rows.Length / NerLabels.Count - 1;

    private static (int[] Slots, float[] Rows) Compact(int rowBits, float[] weights)
    {
        int L = NerLabels.Count;
        int rows = 1 << rowBits;
        if (weights.Length != rows * L) throw new ArgumentException("Weight array does not match the row count.");
        var slots = new int[rows];
        int used = 0;
        for (int r = 0; r < rows; r++)
        {
            // Why not ContainsAnyExcept: it compares bits, and a -0 weight must count as zero, as the file format has it.
            bool zero = true;
            for (int l = 0; l < L && zero; l++) zero = weights[r * L + l] == 0;
            if (!zero) slots[r] = ++used;
        }
        var packed = new float[(used + 1) * L];
        for (int r = 0; r < rows; r++)
            if (slots[r] != 0) weights.AsSpan(r * L, L).CopyTo(packed.AsSpan(slots[r] * L, L));
        return (slots, packed);
    }
    /// <summary>Row <c>p+1</c> (p = previous tag, row 0 = sentence start), column = next tag.</summary>
    internal float[] Transitions { get; }

    internal NerFeatures FeatureExtractor => _features;

    /// <summary>Tags one sentence; returns tag ids (see <see cref="NerLabels.Tags"/>).</summary>
    public int[] Tag(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends)
    {
        var tags = new int[starts.Length];
        Tag(text, starts, ends, tags);
        return tags;
    }

    /// <summary>Tags one sentence into <paramref name="tags"/>; returns the Viterbi margin per token in <paramref name="margins"/> when given.</summary>
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, Span<int> tags, Span<float> margins = default)
    {
        int n = starts.Length;
        if (n == 0) return;
        var buf = t_buffer ??= new FeatureBuffer();
        _features.Extract(text, starts, ends, buf);
        int L = NerLabels.Count;
        if (t_scores is null || t_scores.Length < n * L) t_scores = new float[Math.Max(n * L, 4096)];
        if (t_back is null || t_back.Length < n * L) t_back = new int[Math.Max(n * L, 4096)];
        Emissions(buf, _slots, _rows, t_scores);
        Viterbi(t_scores, n, Transitions, null, tags, t_back, margins);
    }

    public int[] Tag(GoldSentence s) => Tag(s.Text, s.Starts, s.Ends);

    internal static void Emissions(FeatureBuffer buf, float[] w, float[] scores)
    {
        int L = NerLabels.Count;
        int V = Vector<float>.Count;
        var rows = buf.Rows;
        for (int i = 0; i < buf.Count; i++)
        {
            var dst = scores.AsSpan(i * L, L);
            dst.Clear();
            for (int k = buf.Offsets[i]; k < buf.Offsets[i + 1]; k++)
            {
                var src = w.AsSpan(rows[k] * L, L);
                int l = 0;
                // Why: 25 tags = 3 AVX vectors + 1; this add is the tagger's hot loop.
                for (; l + V <= L; l += V)
                    (new Vector<float>(dst[l..]) + new Vector<float>(src[l..])).CopyTo(dst[l..]);
                for (; l < L; l++) dst[l] += src[l];
            }
        }
    }

    /// <summary>
    /// <see cref="Emissions(FeatureBuffer, float[], float[])"/> over the compact rows of a trained model. Why the loop is
    /// written out twice: a shared row-add helper, even marked for inlining, cost about a quarter of the tagging speed
    /// (290k against 395k words/s, back to back).
    /// </summary>
    private static void Emissions(FeatureBuffer buf, int[] slots, float[] w, float[] scores)
    {
        int L = NerLabels.Count;
        int V = Vector<float>.Count;
        var rows = buf.Rows;
        for (int i = 0; i < buf.Count; i++)
        {
            var dst = scores.AsSpan(i * L, L);
            dst.Clear();
            for (int k = buf.Offsets[i]; k < buf.Offsets[i + 1]; k++)
            {
                int slot = slots[rows[k]];
                if (slot == 0) continue;
                var src = w.AsSpan(slot * L, L);
                int l = 0;
                for (; l + V <= L; l += V)
                    (new Vector<float>(dst[l..]) + new Vector<float>(src[l..])).CopyTo(dst[l..]);
                for (; l < L; l++) dst[l] += src[l];
            }
        }
    }

    // Why: I-X may only follow B-X or I-X, so its predecessors are two tags, not 25: precomputed once.
    private static readonly int[][] Predecessors = Enumerable.Range(0, NerLabels.Count)
        .Select(t => Enumerable.Range(0, NerLabels.Count).Where(p => NerLabels.Allowed(p, t)).ToArray()).ToArray();

    /// <summary>
    /// First-order Viterbi with hard BIO constraints and, when <paramref name="allowed"/> is given, per-token tag masks
    /// (constrained decoding of partially labelled gold).
    /// </summary>
    internal static void Viterbi(float[] em, int n, float[] trans, uint[]? allowed, Span<int> tags, int[] back, Span<float> margins = default)
    {
        int L = NerLabels.Count;
        Span<float> prev = stackalloc float[L];
        Span<float> cur = stackalloc float[L];
        for (int t = 0; t < L; t++)
        {
            bool ok = NerLabels.Allowed(-1, t) && (allowed is null || (allowed[0] & (1u << t)) != 0);
            prev[t] = ok ? em[t] + trans[t] : float.NegativeInfinity;
        }
        for (int i = 1; i < n; i++)
        {
            for (int t = 0; t < L; t++)
            {
                float best = float.NegativeInfinity; int arg = 0;
                if (allowed is null || (allowed[i] & (1u << t)) != 0)
                    foreach (int p in Predecessors[t])
                    {
                        float s = prev[p] + trans[(p + 1) * L + t];
                        if (s > best) { best = s; arg = p; }
                    }
                cur[t] = best + em[i * L + t];
                back[i * L + t] = arg;
            }
            cur.CopyTo(prev);
        }
        int bt = 0; float bs = float.NegativeInfinity;
        for (int t = 0; t < L; t++) if (prev[t] > bs) { bs = prev[t]; bt = t; }
        tags[n - 1] = bt;
        for (int i = n - 1; i > 0; i--) tags[i - 1] = back[i * L + tags[i]];
        if (!margins.IsEmpty)
            for (int i = 0; i < n; i++)
            {
                // Why: a cheap confidence: how far the chosen tag beats the best other tag at that token, given the chosen previous tag.
                int prevTag = i > 0 ? tags[i - 1] : -1;
                int row = (prevTag + 1) * L;
                float chosen = em[i * L + tags[i]] + trans[row + tags[i]], other = float.NegativeInfinity;
                for (int t = 0; t < L; t++)
                    if (t != tags[i] && NerLabels.Allowed(prevTag, t) && em[i * L + t] + trans[row + t] > other) other = em[i * L + t] + trans[row + t];
                margins[i] = chosen - other;
            }
    }

    // ---- persistence -------------------------------------------------------------------------------------------

    /// <summary>
    /// Writes the compact binary format: header, settings, transitions (float32), the non-zero weight rows as
    /// (row delta varint, <see cref="Half"/> × tags), gazetteer hashes, cluster table. Weights are rounded to
    /// <see cref="Half"/> at the end of training, so a saved and reloaded model predicts identically.
    /// </summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var fs = File.Create(path);
        Save(fs);
    }

    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        int L = NerLabels.Count;
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Version);
        w.Write(L);
        w.Write(RowBits);
        w.Write((int)Features);
        foreach (var t in Transitions) w.Write(t);
        int rows = 1 << RowBits;
        w.Write(NonZeroRows);
        int last = 0;
        for (int r = 0; r < rows; r++)
        {
            int slot = _slots[r];
            if (slot == 0) continue;
            w.Write7BitEncodedInt(r - last);
            last = r;
            for (int l = 0; l < L; l++) w.Write((Half)_rows[slot * L + l]);
        }
        Gazetteer.Write(w);
        Clusters.Write(w);
    }

    /// <summary>Loads a model written by <see cref="Save(Stream)"/>. Throws <see cref="InvalidDataException"/> on a foreign or newer file.</summary>
    public static NerModel Load(string path)
    {
        using var fs = new BufferedStream(File.OpenRead(path), 1 << 16);
        return Load(fs);
    }

    public static NerModel Load(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (r.ReadUInt32() != Magic) throw new InvalidDataException("Not a Depesche NER model file.");
        int version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"NER model format {version} is not supported (expected {FormatVersion}).");
        string modelVersion = r.ReadString();
        int L = r.ReadInt32();
        if (L != NerLabels.Count) throw new InvalidDataException($"Model has {L} tags, expected {NerLabels.Count}.");
        int rowBits = r.ReadInt32();
        if (rowBits is < 8 or > 24) throw new InvalidDataException($"Implausible row bits {rowBits}.");
        var features = (FeatureSet)r.ReadInt32();
        var trans = new float[(L + 1) * L];
        for (int i = 0; i < trans.Length; i++) trans[i] = r.ReadSingle();
        int nonzero = r.ReadInt32();
        if (nonzero < 0 || nonzero > 1 << rowBits) throw new InvalidDataException($"Implausible non-zero row count {nonzero}.");
        var slots = new int[1 << rowBits];
        var weights = new float[(nonzero + 1) * L];
        int row = 0;
        Span<byte> raw = stackalloc byte[L * 2];
        for (int k = 0; k < nonzero; k++)
        {
            row += r.Read7BitEncodedInt();
            if ((uint)row >= (uint)(1 << rowBits) || (k > 0 && slots[row] != 0)) throw new InvalidDataException($"Weight row {row} is out of range or repeated.");
            int slot = k + 1;
            slots[row] = slot;
            if (!BitConverter.IsLittleEndian) { for (int l = 0; l < L; l++) weights[slot * L + l] = (float)r.ReadHalf(); continue; }
            r.BaseStream.ReadExactly(raw);
            // Why: one block read per row instead of 25 ReadHalf calls keeps loading well under a second.
            var halves = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(raw);
            for (int l = 0; l < L; l++) weights[slot * L + l] = (float)halves[l];
        }
        var gaz = Gazetteer.Read(r);
        var clusters = WordClusters.Read(r);
        return new NerModel(rowBits, features, (slots, weights), trans, gaz, clusters, modelVersion);
    }

    /// <summary>SHA-256 (hex) of the saved bytes: a fingerprint for determinism checks and metadata.</summary>
    public string Fingerprint()
    {
        using var ms = new MemoryStream();
        Save(ms);
        return Convert.ToHexStringLower(SHA256.HashData(ms.ToArray()));
    }
}
