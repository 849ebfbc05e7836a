using System.Diagnostics;
using Depesche.Testing;
using Npgsql;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Depesche.Storage.Tests;

/// <summary>A temporary folder, deleted (with any immutable flag removed) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "depesche-test-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Marks a test class whose tests need the PostgreSQL test server.</summary>
public interface IRequiresPostgres;

/// <summary>
/// The PostgreSQL test server: <c>DEPESCHE_PG</c> (a connection string) when set, else the private cluster that
/// <c>scripts/pg-start</c> starts (or finds running) on 127.0.0.1:55432. <see cref="SkipReason"/> says why not, when none can be had.
/// </summary>
public static class PgServer
{
    private static readonly Lazy<(string? Conn, string? Reason)> Server = new(Start);

    public static string? ConnectionString => Server.Value.Conn;
    public static string? SkipReason => Server.Value.Reason;

    private static (string?, string?) Start()
    {
        var env = Environment.GetEnvironmentVariable("DEPESCHE_PG");
        string conn;
        if (!string.IsNullOrWhiteSpace(env))
        {
            conn = env;
        }
        else
        {
            var script = Path.Combine(SharedData.RepoRoot, "scripts", "pg-start");
            if (!File.Exists(script)) return (null, "scripts/pg-start not found and DEPESCHE_PG not set");
            try
            {
                using var p = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
                var stdout = p.StandardOutput.ReadToEndAsync();
                var stderr = p.StandardError.ReadToEndAsync();
                if (!p.WaitForExit(180_000)) { p.Kill(true); return (null, "scripts/pg-start did not finish within 180 s"); }
                if (p.ExitCode != 0) return (null, $"scripts/pg-start failed ({p.ExitCode}): {stderr.Result.Trim()}");
                conn = stdout.Result.Trim().Split('\n')[^1];
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException)
            {
                return (null, "cannot run scripts/pg-start: " + ex.Message);
            }
        }
        try
        {
            using var c = new NpgsqlConnection(conn);
            c.Open();
            return (conn, null);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return (null, $"no PostgreSQL server reachable at '{conn}': {ex.Message}");
        }
    }
}

/// <summary>A fresh database on the test server, dropped on dispose.</summary>
public sealed class PgDatabase : IDisposable
{
    private readonly string _name = "depesche_t_" + Guid.NewGuid().ToString("N")[..16];

    public PgDatabase()
    {
        using var c = new NpgsqlConnection(PgServer.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE {_name}", c);
        cmd.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(PgServer.ConnectionString) { Database = _name }.ToString();
    }

    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(PgServer.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", c);
        cmd.ExecuteNonQuery();
    }
}

/// <summary>A contract test: runs on every backend, and skips with the stated reason on PostgreSQL when no server can be had.</summary>
[XunitTestCaseDiscoverer("Depesche.Storage.Tests.StoreFactDiscoverer", "Depesche.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>A test that needs PostgreSQL; skips with the reason when no server can be had.</summary>
public sealed class PgFactAttribute : FactAttribute
{
    public PgFactAttribute()
    {
        if (PgServer.SkipReason is { } reason) Skip = reason;
    }
}

public sealed class StoreFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _inner = new(sink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute)
    {
        var type = (method.TestClass.Class as IReflectionTypeInfo)?.Type;
        if (type is not null && typeof(IRequiresPostgres).IsAssignableFrom(type) && PgServer.SkipReason is { } reason)
            return [new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, reason)];
        return _inner.Discover(options, method, attribute);
    }
}
