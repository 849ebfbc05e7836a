using System.Collections.Concurrent;
using Npgsql;
using Xunit;

namespace Depesche.Storage.Tests;

/// <summary>Several <c>depesche worker</c> processes on one PostgreSQL database (simulated by threads with their own connections).</summary>
public sealed class PostgresWorkerTests : IRequiresPostgres
{
    [PgFact]
    public void Two_workers_claim_every_item_exactly_once()
    {
        using var db = new PgDatabase();
        const int n = 200;
        using (var setup = ArticleStore.Open(db.ConnectionString))
            Assert.Equal(n, ((IWorkQueue)setup).Enqueue(Enumerable.Range(0, n).Select(i => $"item-{i:D3}")));
        var processed = new ConcurrentDictionary<string, ConcurrentBag<string>>();
        void Work(string worker)
        {
            using var store = ArticleStore.Open(db.ConnectionString);
            var queue = (IWorkQueue)store;
            while (queue.ProcessNext(worker, item =>
            {
                processed.GetOrAdd(item.Payload, _ => []).Add(worker);
                Thread.Sleep(Random.Shared.Next(2));
                return new IngestBatch { Analyses = [TestArticles.Wire("Meldung " + item.Payload, $"Inhalt der Meldung {item.Payload} aus dem Archiv.")] };
            })) { }
        }
        var workers = new[] { "w1", "w2" }.Select(w => Task.Run(() => Work(w))).ToArray();
        Task.WaitAll(workers);

        Assert.Equal(n, processed.Count);
        Assert.All(processed, kv => Assert.Single(kv.Value));
        Assert.True(processed.Values.Count(v => v.Single() == "w1") > 0 && processed.Values.Count(v => v.Single() == "w2") > 0, "both workers should get work");
        using var check = ArticleStore.Open(db.ConnectionString);
        Assert.Equal(new QueueCounts(0, n, 0), ((IWorkQueue)check).QueueCounts());
        Assert.Equal(n, check.Counts().Articles);
    }

    [PgFact]
    public void An_item_claimed_by_a_worker_that_dies_is_processed_by_another()
    {
        using var db = new PgDatabase();
        using var store = ArticleStore.Open(db.ConnectionString);
        var queue = (IWorkQueue)store;
        queue.Enqueue(["a", "b"]);
        // A "dying" worker: claims item a in a transaction and never commits.
        using (var dying = new NpgsqlConnection(db.ConnectionString))
        {
            dying.Open();
            using var tx = dying.BeginTransaction();
            using var claim = new NpgsqlCommand("SELECT payload FROM work_queue WHERE status = 0 ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED", dying, tx);
            Assert.Equal("a", claim.ExecuteScalar());
            var seen = new List<string>();
            while (queue.ProcessNext("w2", item => { seen.Add(item.Payload); return new IngestBatch(); })) { }
            Assert.Equal(["b"], seen);
        }
        // The connection closed without commit: the claim is released.
        var later = new List<string>();
        while (queue.ProcessNext("w2", item => { later.Add(item.Payload); return new IngestBatch(); })) { }
        Assert.Equal(["a"], later);
        Assert.Equal(new QueueCounts(0, 2, 0), queue.QueueCounts());
    }

    [Theory]
    [InlineData("Scholz AND Macron", "Scholz Macron")]
    [InlineData("Macron OR Putin", "Macron or Putin")]
    [InlineData("Scholz NOT Macron", "Scholz -Macron")]
    [InlineData("\"Waffenruhe im Gazastreifen\" +Katar", "\"Waffenruhe im Gazastreifen\" Katar")]
    [InlineData("(Scholz OR Merz) -Putin", "Scholz or Merz -Putin")]
    public void Lucene_syntax_translates_to_websearch(string lucene, string websearch) =>
        Assert.Equal(websearch, Postgres.PgArticleStore.ToWebSearch(lucene));
}
