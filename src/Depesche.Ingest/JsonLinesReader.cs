using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Depesche.Core;

namespace Depesche.Ingest;

/// <summary>
/// JSON Lines: one object per line with <c>text</c> (required) and optional <c>title</c>, <c>published</c>, <c>url</c>,
/// <c>source</c>, <c>author</c>; <c>id</c> is ignored (ids come from the text). Streams line by line with a bounded
/// buffer; a bad line yields a rejection with its 1-based line number and byte offset, and the batch goes on.
/// </summary>
internal static class JsonLinesReader
{
    public static IEnumerable<ReadResult> Read(Stream stream, string name)
    {
        var any = false;
        foreach (var line in BoundedLines.Read(stream, Limits.MaxJsonLineBytes))
        {
            var at = new SourceLocation(name, line.Number, line.Offset);
            if (line.Error is { } error)
            {
                yield return ReadResult.Fail(RejectionCode.Unreadable, "cannot read further: " + error.Message, at);
                yield break;
            }
            if (line.TooLong)
            {
                any = true;
                yield return ReadResult.Fail(Limits.TooLarge(at, line.Length));
                continue;
            }
            var bytes = line.Bytes;
            var offset = line.Offset;
            if (line.Number == 1 && bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
                offset += 3;
            }
            if (line.Number == 1 && (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])))
            {
                yield return ReadResult.Fail(RejectionCode.InvalidEncoding, "JSON Lines must be UTF-8, this input is UTF-16", at);
                yield break;
            }
            if (bytes.Span.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']).IsEmpty) continue;
            any = true;
            yield return ReadLine(bytes, at with { Byte = offset });
        }
        if (!any) yield return ReadResult.Fail(RejectionCode.EmptyInput, "the JSON Lines input has no lines", new SourceLocation(name));
    }

    /// <summary>
    /// A <c>.json</c> file or sniffed JSON: one document (an article object, or an array of them) when the whole input
    /// parses as JSON and is at most <see cref="Limits.MaxDocumentBytes"/>; otherwise JSON Lines. Why: a pretty-printed
    /// document read as lines gave one rejection per line (240 for one annotation file), none of them saying what it was.
    /// </summary>
    public static IEnumerable<ReadResult> ReadDocumentOrLines(Stream stream, string name)
    {
        var head = new MemoryStream();
        Exception? error = null;
        var chunk = new byte[81920];
        try
        {
            int n;
            while (head.Length <= Limits.MaxDocumentBytes && (n = stream.Read(chunk, 0, chunk.Length)) > 0) head.Write(chunk, 0, n);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e;
        }
        if (error is not null)
        {
            yield return ReadResult.Fail(RejectionCode.Unreadable, "cannot read: " + error.Message, new SourceLocation(name));
            yield break;
        }
        var bytes = head.GetBuffer().AsMemory(0, (int)head.Length);
        if (head.Length <= Limits.MaxDocumentBytes && Document(bytes) is { } root)
        {
            foreach (var r in ReadDocument(bytes, root, name)) yield return r;
            yield break;
        }
        foreach (var r in Read(new PrefixedStream(bytes, stream), name)) yield return r;
    }

    /// <summary>The kind of the document's root when the whole input is one JSON value, else null.</summary>
    private static JsonValueKind? Document(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read()) return null;
            var kind = reader.TokenType switch
            {
                JsonTokenType.StartObject => JsonValueKind.Object,
                JsonTokenType.StartArray => JsonValueKind.Array,
                _ => (JsonValueKind?)null,
            };
            if (kind is null) return null;
            reader.Skip();
            // One value and nothing after it: a document, not JSON Lines.
            return reader.Read() ? null : kind;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<ReadResult> ReadDocument(ReadOnlyMemory<byte> bytes, JsonValueKind root, string name)
    {
        int bom = bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (root == JsonValueKind.Object)
        {
            yield return ReadLine(bytes[bom..], new SourceLocation(name, 1, bom));
            yield break;
        }
        var elements = new List<(int Start, int End)>();
        var reader = new Utf8JsonReader(bytes.Span[bom..], new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip });
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            int start = (int)reader.TokenStartIndex;
            reader.Skip();
            elements.Add((start, (int)reader.BytesConsumed));
        }
        if (elements.Count == 0)
        {
            yield return ReadResult.Fail(RejectionCode.EmptyInput, "the JSON array is empty", new SourceLocation(name));
            yield break;
        }
        int line = 1, counted = 0;
        foreach (var (start, end) in elements)
        {
            line += bytes.Span[(bom + counted)..(bom + start)].Count((byte)'\n');
            counted = start;
            var at = new SourceLocation(name, line, bom + start);
            var element = bytes[(bom + start)..(bom + end)];
            yield return element.Span[0] == (byte)'{'
                ? ReadLine(element, at)
                : ReadResult.Fail(RejectionCode.MalformedJson, "an element of the JSON array is not an object", at);
        }
    }

    /// <summary>Reads one line; <paramref name="line"/> is the reader's buffer and must not be kept past this call.</summary>
    private static ReadResult ReadLine(ReadOnlyMemory<byte> line, SourceLocation at)
    {
        if (!Utf8.IsValid(line.Span))
        {
            var decoded = TextDecoder.Decode(line.Span, at);
            return ReadResult.Fail(decoded.Rejection ?? new Rejection(RejectionCode.InvalidEncoding, "the line is not valid UTF-8", at));
        }

        JsonDocument doc;
        try
        {
            // Why: parse the buffer in place, no copy; the document is disposed before the buffer is reused.
            doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return ReadResult.Fail(RejectionCode.MalformedJson, "the line is not valid JSON: " + e.Message,
                at with { Byte = at.Byte + (e.BytePositionInLine ?? 0) });
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return ReadResult.Fail(RejectionCode.MalformedJson, $"the line holds a JSON {root.ValueKind}, not an object", at);

            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind == JsonValueKind.Null)
            {
                if (root.TryGetProperty("Sentences", out var sentences) && sentences.ValueKind == JsonValueKind.Array)
                    return TokenDocument(root, sentences, at);
                return ReadResult.Fail(RejectionCode.MissingField, "the field 'text' is missing", at);
            }
            if (textElement.ValueKind != JsonValueKind.String)
                return ReadResult.Fail(RejectionCode.InvalidField, "the field 'text' is not a string", at);
            var text = textElement.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
                return ReadResult.Fail(RejectionCode.NoText, "the field 'text' is empty", at);
            if (text.Length > Limits.MaxTextChars) return ReadResult.Fail(Limits.TooLarge(at, text.Length));
            var repaired = TextDecoder.RepairMojibake(text);
            if (repaired is null)
                return ReadResult.Fail(RejectionCode.Mojibake, "the field 'text' holds double-encoded UTF-8 that cannot be repaired", at);

            if (!TryString(root, "title", at, out var title, out var bad)
                || !TryString(root, "published", at, out var publishedText, out bad)
                || !TryString(root, "url", at, out var url, out bad)
                || !TryString(root, "source", at, out var source, out bad)
                || !TryString(root, "author", at, out var author, out bad))
                return ReadResult.Fail(bad!);

            PublicationTime? published = null;
            if (!string.IsNullOrWhiteSpace(publishedText))
            {
                published = DateParsing.ParseIso(publishedText);
                if (published is null)
                    return ReadResult.Fail(RejectionCode.InvalidField, $"the field 'published' is not an ISO date: '{publishedText}'", at);
            }

            var article = WireTextParser.Parse(repaired, at);
            return ReadResult.Ok(new Metadata(title is null ? null : TextDecoder.RepairMojibake(title) ?? title, published, url, source, author).ApplyTo(article));
        }
    }

    /// <summary>
    /// A tokenised document as GermEval 2023 SpkAtt ships Wikinews (<c>DocumentName</c> "ID - Title (YYYY-MM-DD)",
    /// <c>Sentences[].Tokens</c>): the tokens joined back into text, no space before closing punctuation.
    /// </summary>
    private static ReadResult TokenDocument(JsonElement root, JsonElement sentences, SourceLocation at)
    {
        var text = JoinTokens(sentences);
        if (text is null) return ReadResult.Fail(RejectionCode.InvalidField, "the field 'Sentences' is not a list of objects with 'Tokens' strings", at);
        if (string.IsNullOrWhiteSpace(text)) return ReadResult.Fail(RejectionCode.NoText, "the document's sentences have no tokens", at);
        if (text.Length > Limits.MaxTextChars) return ReadResult.Fail(Limits.TooLarge(at, text.Length));
        string? title = null;
        PublicationTime? published = null;
        if (root.TryGetProperty("DocumentName", out var nameElement) && nameElement.ValueKind == JsonValueKind.String)
        {
            var name = nameElement.GetString()!;
            int dash = name.IndexOf(" - ", StringComparison.Ordinal);
            var rest = dash >= 0 ? name[(dash + 3)..] : name;
            if (rest.Length >= 13 && rest[^1] == ')' && rest[^12] == '(' && DateParsing.ParseIso(rest[^11..^1]) is { } date)
            {
                published = date;
                rest = rest[..^12].TrimEnd();
            }
            title = rest.Length > 0 ? rest : null;
        }
        var article = WireTextParser.Parse(text, at);
        return ReadResult.Ok(new Metadata(title, published, null, null, null).ApplyTo(article));
    }

    /// <summary>The tokens of every sentence joined by single spaces, except before <c>. , ; : ! ? ) “</c> and after <c>( „ [</c>; null when malformed.</summary>
    public static string? JoinTokens(JsonElement sentences)
    {
        var sb = new StringBuilder();
        foreach (var s in sentences.EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.Object || !s.TryGetProperty("Tokens", out var tokens) || tokens.ValueKind != JsonValueKind.Array) return null;
            if (sb.Length > 0) sb.Append(' ');
            bool glue = true;
            foreach (var t in tokens.EnumerateArray())
            {
                if (t.ValueKind != JsonValueKind.String) return null;
                var tok = t.GetString()!;
                if (!glue && tok is not ("." or "," or ";" or ":" or "!" or "?" or ")" or "“")) sb.Append(' ');
                sb.Append(tok);
                glue = tok is "(" or "„" or "[";
            }
        }
        return sb.ToString();
    }

    private static bool TryString(JsonElement root, string field, SourceLocation at, out string? value, out Rejection? bad)
    {
        value = null;
        bad = null;
        if (!root.TryGetProperty(field, out var e) || e.ValueKind == JsonValueKind.Null) return true;
        if (e.ValueKind != JsonValueKind.String)
        {
            bad = new Rejection(RejectionCode.InvalidField, $"the field '{field}' is not a string", at);
            return false;
        }
        value = e.GetString();
        return true;
    }
}

/// <summary>One line of a byte stream: its 1-based number, the byte offset of its start, and its bytes without the newline.
/// </summary>
/// <para>A read failure ends the sequence with one line carrying <c>Error</c> (at the offset where reading stopped).</para>
internal readonly record struct RawLine(long Number, long Offset, ReadOnlyMemory<byte> Bytes, bool TooLong, long Length, Exception? Error = null);

/// <summary>Splits a stream at <c>\n</c> with a buffer that never grows past the limit: longer lines are skipped to their end.</summary>
internal static class BoundedLines
{
    /// <summary>Yields each line; the memory of a line is valid only until the next one is requested.</summary>
    public static IEnumerable<RawLine> Read(Stream stream, int maxLineBytes)
    {
        var buffer = new byte[Math.Min(64 * 1024, maxLineBytes + 1)];
        int start = 0, end = 0;
        long bufferOffset = 0; // stream offset of buffer[0]
        long number = 0;
        var eof = false;
        Exception? error = null;
        while (true)
        {
            if (error is not null)
            {
                yield return new RawLine(number + 1, bufferOffset + start, ReadOnlyMemory<byte>.Empty, false, 0, error);
                yield break;
            }
            var nl = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                number++;
                var len = nl;
                if (len > 0 && buffer[start + len - 1] == '\r') len--;
                yield return new RawLine(number, bufferOffset + start, buffer.AsMemory(start, len), false, len);
                start += nl + 1;
                continue;
            }
            if (eof)
            {
                if (end > start)
                {
                    number++;
                    yield return new RawLine(number, bufferOffset + start, buffer.AsMemory(start, end - start), false, end - start);
                }
                yield break;
            }
            if (end - start > maxLineBytes)
            {
                // Why: a 50 MB line must not be held in memory; count it while skipping to the next newline.
                number++;
                var lineOffset = bufferOffset + start;
                long length = end - start;
                while (true)
                {
                    var read = SafeRead(stream, buffer, 0, buffer.Length, ref error);
                    bufferOffset += end;
                    if (read == 0)
                    {
                        eof = true;
                        start = end = 0;
                        break;
                    }
                    var at = buffer.AsSpan(0, read).IndexOf((byte)'\n');
                    if (at >= 0)
                    {
                        length += at;
                        start = at + 1;
                        end = read;
                        break;
                    }
                    length += read;
                    end = read;
                }
                yield return new RawLine(number, lineOffset, ReadOnlyMemory<byte>.Empty, true, length);
                continue;
            }
            // Make room: move the partial line to the front, grow up to the limit.
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                bufferOffset += start;
                end -= start;
                start = 0;
            }
            if (end == buffer.Length)
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxLineBytes + 1L));
            var n = SafeRead(stream, buffer, end, buffer.Length - end, ref error);
            if (n == 0) eof = true;
            end += n;
        }
    }

    private static int SafeRead(Stream stream, byte[] buffer, int offset, int count, ref Exception? error)
    {
        try
        {
            return stream.Read(buffer, offset, count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Why: an iterator cannot yield from a catch block; the failure is reported as a final line instead.
            error = e;
            return 0;
        }
    }
}
