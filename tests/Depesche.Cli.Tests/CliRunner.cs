using System.Text;
using System.Text.Json;
using Depesche.Cli;
using Depesche.Cli.Infrastructure;

namespace Depesche.Cli.Tests;

/// <summary>Runs the CLI in-process with captured streams.</summary>
internal sealed class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public IReadOnlyList<JsonElement> JsonLines() =>
            Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    public static Result Run(params string[] args) => RunWithStdin(null, args);

    public static Result RunWithStdin(byte[]? stdin, params string[] args)
    {
        var rawOut = new MemoryStream();
        var outWriter = new StringWriter();
        var errWriter = new StringWriter();
        var console = new CliConsole(outWriter, errWriter,
            () => new MemoryStream(stdin ?? []),
            () => new NonClosingStream(rawOut),
            isTerminal: false);
        int code = Program.Run(args, console);
        var stdout = Encoding.UTF8.GetString(rawOut.ToArray()) + outWriter;
        return new Result(code, stdout, errWriter.ToString());
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
    }
}
