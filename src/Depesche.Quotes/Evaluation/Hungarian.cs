namespace Depesche.Quotes.Evaluation;

/// <summary>
/// The Hungarian algorithm (Kuhn–Munkres, O(n²m)) for rectangular assignment. Like SciPy's
/// <c>linear_sum_assignment</c>, it assigns every row of the smaller side, even at score zero. Stateless.
/// </summary>
public static class Hungarian
{
    /// <summary>
    /// Pairs rows with columns so that the sum of <paramref name="score"/> is maximal. Returns, for each row, its
    /// column or -1 (only when there are more rows than columns).
    /// </summary>
    public static int[] Maximize(double[,] score)
    {
        ArgumentNullException.ThrowIfNull(score);
        int rows = score.GetLength(0), cols = score.GetLength(1);
        var result = new int[rows];
        Array.Fill(result, -1);
        if (rows == 0 || cols == 0) return result;
        bool transpose = rows > cols;
        int n = transpose ? cols : rows;   // n <= m
        int m = transpose ? rows : cols;
        double Cost(int i, int j) => -(transpose ? score[j, i] : score[i, j]);

        // Why: the classic potentials formulation, 1-based with a virtual column 0.
        var u = new double[n + 1];
        var v = new double[m + 1];
        var p = new int[m + 1];
        var way = new int[m + 1];
        for (int i = 1; i <= n; i++)
        {
            p[0] = i;
            int j0 = 0;
            var minv = new double[m + 1];
            var used = new bool[m + 1];
            Array.Fill(minv, double.PositiveInfinity);
            do
            {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                double delta = double.PositiveInfinity;
                for (int j = 1; j <= m; j++)
                {
                    if (used[j]) continue;
                    double cur = Cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (int j = 0; j <= m; j++)
                {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
                    else minv[j] -= delta;
                }
                j0 = j1;
            } while (p[j0] != 0);
            do
            {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        for (int j = 1; j <= m; j++)
        {
            if (p[j] == 0) continue;
            if (transpose) result[j - 1] = p[j] - 1;
            else result[p[j] - 1] = j - 1;
        }
        return result;
    }
}
