namespace Depesche.Entities.Ner;

/// <summary>
/// Distributional word classes at three granularities (coarse ⊃ middle ⊃ fine), keyed by the digit-folded,
/// case-sensitive word hash (<see cref="TextHash.Norm"/>). Learnt from unlabelled text by <see cref="Learn"/>:
/// spherical k-means over left/right neighbour distributions, then the fine centroids are clustered again into the
/// middle and coarse levels, so the levels nest like Brown-cluster prefixes. Immutable; thread-safe for reading.
/// </summary>
public sealed class WordClusters
{
    private readonly Dictionary<ulong, uint> _map;

    internal WordClusters(Dictionary<ulong, uint> map, int[] sizes)
    {
        _map = map;
        Sizes = sizes;
    }

    public static WordClusters Empty { get; } = new(new Dictionary<ulong, uint>(), [0, 0, 0]);

    /// <summary>Cluster counts per level (coarse, middle, fine).</summary>
    public int[] Sizes { get; }
    public int WordCount => _map.Count;

    /// <summary>Packed ids: fine in bits 0–11, middle in 12–21, coarse in 22–31; 0 = unknown word (ids are 1-based).</summary>
    public uint Lookup(ulong normHash) => _map.TryGetValue(normHash, out var v) ? v : 0u;

    /// <summary>Saves the table alone (a cache for experiments; models embed their own copy).</summary>
    public void Save(string path)
    {
        using var w = new BinaryWriter(File.Create(path));
        Write(w);
    }

    public static WordClusters Load(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        return Read(r);
    }

    internal void Write(BinaryWriter w)
    {
        foreach (var s in Sizes) w.Write(s);
        w.Write(_map.Count);
        foreach (var (k, v) in _map.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
    }

    internal static WordClusters Read(BinaryReader r)
    {
        var sizes = new[] { r.ReadInt32(), r.ReadInt32(), r.ReadInt32() };
        int n = r.ReadInt32();
        var map = new Dictionary<ulong, uint>(n);
        for (int i = 0; i < n; i++) { var k = r.ReadUInt64(); map[k] = r.ReadUInt32(); }
        return new WordClusters(map, sizes);
    }

    /// <summary>
    /// Learns clusters from tokenised sentences. Deterministic for a given input order and <paramref name="seed"/>.
    /// Words seen fewer than <paramref name="minCount"/> times stay unclustered.
    /// </summary>
    public static WordClusters Learn(IEnumerable<IReadOnlyList<string>> sentences, int seed = 1, int fine = 600, int middle = 150, int coarse = 40,
        int minCount = 3, int contextWords = 3000, int iterations = 10)
    {
        // 1. Count word forms (digits folded).
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var corpus = new List<string[]>();
        foreach (var s in sentences)
        {
            var arr = new string[s.Count];
            for (int i = 0; i < s.Count; i++)
            {
                var w = Fold(s[i]);
                arr[i] = w;
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
            corpus.Add(arr);
        }
        var byFreq = counts.Where(p => p.Value >= minCount).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList();
        var vocab = byFreq.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        int V = vocab.Count, C = Math.Min(contextWords, V);
        if (V < fine * 2) throw new ArgumentException($"Too little text to learn {fine} clusters from {V} word types.");

        // 2. Sparse context vectors: left neighbour (0..C), right neighbour (C..2C), plus one "rare" bucket per side.
        int D = 2 * C + 2;
        var ctx = new Dictionary<int, float>[V];
        for (int v = 0; v < V; v++) ctx[v] = new Dictionary<int, float>();
        foreach (var s in corpus)
            for (int i = 0; i < s.Length; i++)
            {
                if (!vocab.TryGetValue(s[i], out var v)) continue;
                int l = i > 0 && vocab.TryGetValue(s[i - 1], out var lv) && lv < C ? lv : i > 0 ? 2 * C : 2 * C;
                int r = i + 1 < s.Length && vocab.TryGetValue(s[i + 1], out var rv) && rv < C ? C + rv : 2 * C + 1;
                ctx[v][l] = ctx[v].GetValueOrDefault(l) + 1;
                ctx[v][r] = ctx[v].GetValueOrDefault(r) + 1;
            }
        // Why: square roots of the conditional distribution (Hellinger) damp frequent function words; then unit length for cosine.
        var idx = new int[V][];
        var val = new float[V][];
        for (int v = 0; v < V; v++)
        {
            var items = ctx[v].OrderBy(p => p.Key).ToArray();
            double total = items.Sum(p => p.Value);
            idx[v] = items.Select(p => p.Key).ToArray();
            val[v] = items.Select(p => (float)Math.Sqrt(p.Value / total)).ToArray();
            double norm = Math.Sqrt(val[v].Sum(x => (double)x * x));
            for (int j = 0; j < val[v].Length; j++) val[v][j] = (float)(val[v][j] / norm);
        }

        // 3. Spherical k-means on words; 4. k-means on the fine centroids for the upper levels.
        var rng = new Random(seed);
        var fineOf = KMeansSparse(idx, val, D, fine, iterations, rng, out var centroids);
        var midOfFine = KMeansDense(centroids, middle, iterations, rng, out var midCentroids);
        var coarseOfMid = KMeansDense(midCentroids, coarse, iterations, rng, out _);

        var map = new Dictionary<ulong, uint>(V);
        for (int v = 0; v < V; v++)
        {
            uint f = (uint)fineOf[v] + 1, m = (uint)midOfFine[fineOf[v]] + 1, c = (uint)coarseOfMid[midOfFine[fineOf[v]]] + 1;
            map[TextHash.Norm(byFreq[v])] = f | (m << 12) | (c << 22);
        }
        return new WordClusters(map, [coarse, middle, fine]);
    }

    private static string Fold(string w)
    {
        bool digit = false;
        foreach (var c in w) if (char.IsAsciiDigit(c)) { digit = true; break; }
        if (!digit) return w;
        return string.Create(w.Length, w, static (dst, src) => { for (int i = 0; i < src.Length; i++) dst[i] = char.IsAsciiDigit(src[i]) ? '0' : src[i]; });
    }

    private static int[] KMeansSparse(int[][] idx, float[][] val, int D, int k, int iterations, Random rng, out float[][] centroids)
    {
        int V = idx.Length;
        // Why: seeding from frequent words gives stable, well-populated clusters; words ranked by frequency.
        var seeds = Enumerable.Range(0, Math.Min(V, k * 4)).OrderBy(_ => rng.Next()).Take(k).ToArray();
        centroids = new float[k][];
        for (int c = 0; c < k; c++)
        {
            centroids[c] = new float[D];
            for (int j = 0; j < idx[seeds[c]].Length; j++) centroids[c][idx[seeds[c]][j]] = val[seeds[c]][j];
        }
        var assign = new int[V];
        for (int it = 0; it < iterations; it++)
        {
            var cents = centroids;
            Parallel.For(0, V, new ParallelOptions { MaxDegreeOfParallelism = 2 }, v =>
            {
                int best = 0; float bestDot = float.MinValue;
                var ix = idx[v]; var vx = val[v];
                for (int c = 0; c < cents.Length; c++)
                {
                    var cc = cents[c];
                    float dot = 0;
                    for (int j = 0; j < ix.Length; j++) dot += cc[ix[j]] * vx[j];
                    if (dot > bestDot) { bestDot = dot; best = c; }
                }
                assign[v] = best;
            });
            var sums = new float[k][];
            for (int c = 0; c < k; c++) sums[c] = new float[D];
            var sizes = new int[k];
            for (int v = 0; v < V; v++)
            {
                var s = sums[assign[v]];
                sizes[assign[v]]++;
                for (int j = 0; j < idx[v].Length; j++) s[idx[v][j]] += val[v][j];
            }
            for (int c = 0; c < k; c++)
            {
                if (sizes[c] == 0) { sums[c] = centroids[c]; continue; }
                Normalise(sums[c]);
            }
            centroids = sums;
        }
        return assign;
    }

    private static int[] KMeansDense(float[][] points, int k, int iterations, Random rng, out float[][] centroids)
    {
        int n = points.Length, D = points[0].Length;
        var seeds = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(k).ToArray();
        centroids = seeds.Select(s => (float[])points[s].Clone()).ToArray();
        var assign = new int[n];
        for (int it = 0; it < iterations; it++)
        {
            for (int p = 0; p < n; p++)
            {
                int best = 0; float bestDot = float.MinValue;
                for (int c = 0; c < k; c++)
                {
                    float dot = 0;
                    var a = points[p]; var b = centroids[c];
                    for (int j = 0; j < D; j++) dot += a[j] * b[j];
                    if (dot > bestDot) { bestDot = dot; best = c; }
                }
                assign[p] = best;
            }
            var sums = new float[k][];
            var sizes = new int[k];
            for (int c = 0; c < k; c++) sums[c] = new float[D];
            for (int p = 0; p < n; p++)
            {
                sizes[assign[p]]++;
                for (int j = 0; j < D; j++) sums[assign[p]][j] += points[p][j];
            }
            for (int c = 0; c < k; c++)
            {
                if (sizes[c] == 0) { sums[c] = centroids[c]; continue; }
                Normalise(sums[c]);
            }
            centroids = sums;
        }
        return assign;
    }

    private static void Normalise(float[] v)
    {
        double n = 0;
        foreach (var x in v) n += (double)x * x;
        if (n == 0) return;
        float inv = (float)(1 / Math.Sqrt(n));
        for (int j = 0; j < v.Length; j++) v[j] *= inv;
    }
}
