using System.Globalization;
using System.Text;
using CsvHelper;
using Depesche.Core;

namespace Depesche.Ingest;

/// <summary>
/// CSV and TSV exports, one article per record (10kGNAD's <c>label;'text'</c>, a spreadsheet's
/// <c>title,date,text</c>). The delimiter (<c>; , tab |</c>) and quote character (<c>" '</c>) are sniffed from the
/// first records; a header row is recognised by its column names, otherwise the column with the longest values is the
/// text. Streams record by record; a bad record is refused with its line and byte, and the file goes on.
/// </summary>
internal static class CsvArticleReader
{
    /// <summary>Bytes looked at to choose the delimiter, quote, header and text column.</summary>
    private const int SampleBytes = 256 * 1024;

    private static readonly char[] Delimiters = [';', ',', '\t', '|'];
    private static readonly char[] Quotes = ['"', '\''];

    /// <summary>Header names (lowercase) of each field Depesche reads; anything else is ignored.</summary>
    private static readonly Dictionary<string, string> HeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = "text", ["body"] = "text", ["content"] = "text", ["article"] = "text", ["artikel"] = "text", ["inhalt"] = "text", ["volltext"] = "text",
        ["title"] = "title", ["headline"] = "title", ["titel"] = "title", ["überschrift"] = "title", ["schlagzeile"] = "title",
        ["published"] = "published", ["date"] = "published", ["datum"] = "published", ["pubdate"] = "published", ["published_at"] = "published", ["publishedat"] = "published",
        ["url"] = "url", ["link"] = "url",
        ["source"] = "source", ["agency"] = "source", ["quelle"] = "source", ["agentur"] = "source", ["outlet"] = "source",
        ["author"] = "author", ["autor"] = "author",
    };

    public static IEnumerable<ReadResult> Read(Stream stream, string name, bool tabs)
    {
        var sample = new byte[SampleBytes];
        int n = 0;
        Exception? readError = null;
        try
        {
            int k;
            while (n < sample.Length && (k = stream.Read(sample, n, sample.Length - n)) > 0) n += k;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            readError = e;
        }
        if (readError is not null)
        {
            yield return ReadResult.Fail(RejectionCode.Unreadable, "cannot read: " + readError.Message, new SourceLocation(name));
            yield break;
        }
        if (n == 0)
        {
            yield return ReadResult.Fail(RejectionCode.EmptyInput, "the CSV input is empty", new SourceLocation(name));
            yield break;
        }

        var encoding = ChooseEncoding(sample.AsSpan(0, n), out int bom);
        string sampleText;
        try
        {
            sampleText = encoding.GetString(sample, bom, n - bom);
        }
        catch (DecoderFallbackException)
        {
            // The sample ends inside a character; the sniffing does not need its last bytes.
            sampleText = encoding.GetString(sample, bom, Math.Max(0, n - bom - 4));
        }
        var layout = Sniff(sampleText, tabs, complete: n < sample.Length);
        if (layout is null)
        {
            yield return ReadResult.Fail(RejectionCode.MalformedCsv, "no delimiter and quote character split the first records into the same number of fields", new SourceLocation(name, 1, bom));
            yield break;
        }

        var malformed = new Queue<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            Separator = layout.Delimiter,
            Quote = layout.Quote,
            HasHeader = layout.HasHeader,
            Encoding = encoding,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            // Why bytes at four per character: the limit is on characters, and a record holds its other fields too.
            MaxRecordSize = 4 * Limits.MaxTextChars,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = malformed.Enqueue,
        };
        using var csv = CsvReader.Create(new PrefixedStream(sample.AsMemory(0, n), stream), options, leaveOpen: true);
        bool any = false;
        while (true)
        {
            bool more;
            Exception? failure = null;
            try
            {
                more = csv.Read();
            }
            catch (Exception e) when (e is IOException or DecoderFallbackException or CsvFormatException)
            {
                failure = e;
                more = false;
            }
            // Why first: the reader reports the records it skipped while looking for this one.
            while (malformed.TryDequeue(out var m))
            {
                any = true;
                yield return ReadResult.Fail(RejectionCode.MalformedCsv, Reason(m, layout), new SourceLocation(name, m.LineNumber, m.ByteOffset));
            }
            if (failure is CsvFormatException fe && fe.Message.Contains("MaxRecordSize", StringComparison.Ordinal))
            {
                yield return ReadResult.Fail(new Rejection(RejectionCode.TooLarge,
                    $"a record is longer than {options.MaxRecordSize} bytes (an unclosed quote?); the rest of the file is not read",
                    new SourceLocation(name, fe.LineNumber, fe.ByteOffset)));
                yield break;
            }
            if (failure is not null)
            {
                yield return ReadResult.Fail(RejectionCode.Unreadable, "cannot read further: " + failure.Message,
                    failure is CsvFormatException f ? new SourceLocation(name, f.LineNumber, f.ByteOffset) : new SourceLocation(name));
                yield break;
            }
            if (!more) break;
            any = true;
            var record = new string[csv.FieldCount];
            for (int i = 0; i < record.Length; i++) record[i] = csv.GetString(i);
            yield return Article(record, layout, new SourceLocation(name, csv.LineNumber, csv.ByteOffset));
        }
        if (!any) yield return ReadResult.Fail(RejectionCode.EmptyInput, "the CSV input has no records", new SourceLocation(name));
    }

    private static string Reason(CsvMalformedRecord m, CsvLayout layout) => m.Reason switch
    {
        CsvMalformedReason.FieldCountMismatch => $"the record does not have the file's {layout.Fields} fields",
        CsvMalformedReason.StrayQuote => $"a stray quote character ({layout.Quote}) inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        _ => "malformed CSV: " + m.Reason,
    };

    private static ReadResult Article(string[] record, CsvLayout layout, SourceLocation at)
    {
        if (record.Length != layout.Fields)
            return ReadResult.Fail(RejectionCode.MalformedCsv, $"the record has {record.Length} fields, the file {layout.Fields}", at);
        var text = record[layout.Text];
        if (string.IsNullOrWhiteSpace(text)) return ReadResult.Fail(RejectionCode.NoText, "the text field is empty", at);
        var repaired = TextDecoder.RepairMojibake(text);
        if (repaired is null) return ReadResult.Fail(RejectionCode.Mojibake, "the text field holds double-encoded UTF-8 that cannot be repaired", at);
        string? Field(string key) => layout.Columns.TryGetValue(key, out var i) && !string.IsNullOrWhiteSpace(record[i]) ? record[i].Trim() : null;
        PublicationTime? published = null;
        if (Field("published") is { } date)
        {
            published = DateParsing.ParseIso(date);
            if (published is null) return ReadResult.Fail(RejectionCode.InvalidField, $"the date field is not an ISO date: '{Excerpt(date)}'", at);
        }
        var title = Field("title");
        var article = WireTextParser.Parse(repaired, at);
        return ReadResult.Ok(new Metadata(title is null ? null : TextDecoder.RepairMojibake(title) ?? title, published, Field("url"), Field("source"), Field("author")).ApplyTo(article));
    }

    private static string Excerpt(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>UTF-8 (with or without a byte-order mark) when the sample is valid UTF-8, else Windows-1252, as Excel writes it.</summary>
    private static Encoding ChooseEncoding(ReadOnlySpan<byte> sample, out int bom)
    {
        bom = sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var body = sample[bom..];
        // Why trim the tail: the sample may end inside a multi-byte character.
        int end = body.Length;
        for (int back = 0; back < 3 && end > 0 && (body[end - 1] & 0xC0) == 0x80; back++) end--;
        if (end > 0 && body[end - 1] >= 0xC0) end--;
        if (bom > 0 || System.Text.Unicode.Utf8.IsValid(body[..end])) return new UTF8Encoding(false, throwOnInvalidBytes: true);
        return TextDecoder.Windows1252;
    }

    internal sealed record CsvLayout(char Delimiter, char Quote, int Fields, bool HasHeader, int Text, IReadOnlyDictionary<string, int> Columns);

    /// <summary>
    /// The delimiter and quote under which most sampled records (60 %, at least two) have the same number of fields,
    /// more than one; preferring the one that quotes most fields, then the one more records agree on. Then the header
    /// and the text column.
    /// </summary>
    internal static CsvLayout? Sniff(string sample, bool tabs, bool complete)
    {
        CsvLayout? best = null;
        (int Quoted, int Agree, int Fields) bestScore = (-1, 0, 0);
        foreach (var d in tabs ? ['\t'] : Delimiters)
            foreach (var q in Quotes)
            {
                var records = SplitRecords(sample, d, q, complete, out int quoted);
                if (records.Count == 0) continue;
                var (fields, agree) = records.Where(r => r.Count > 1).GroupBy(r => r.Count)
                    .Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key).FirstOrDefault();
                if (fields < 2 || agree * 5 < records.Count * 3 || (records.Count > 1 && agree < 2)) continue;
                var score = (quoted, agree, fields);
                if (score.CompareTo(bestScore) <= 0) continue;
                bestScore = score;
                best = Layout(d, q, fields, records.Where(r => r.Count == fields).ToList(), records[0]);
            }
        return best;
    }

    private static CsvLayout Layout(char d, char q, int fields, List<List<string>> rows, List<string> first)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        if (first.Count == fields)
            for (int i = 0; i < first.Count; i++)
                if (HeaderNames.TryGetValue(first[i].Trim(), out var key)) columns.TryAdd(key, i);
        bool header = columns.Count > 0 && first.All(f => f.Length <= 40);
        int text;
        if (header && columns.TryGetValue("text", out var t)) text = t;
        else
        {
            // Why the longest column: an article's text outweighs a label, a date or a title in every export seen.
            var data = header && rows.Count > 1 ? rows.Skip(1).ToList() : rows;
            text = Enumerable.Range(0, fields).MaxBy(i => data.Sum(r => (long)r[i].Length));
            if (!header) columns.Clear();
        }
        return new CsvLayout(d, q, fields, header, text, columns);
    }

    /// <summary>
    /// Up to 20 records of the sample under one delimiter and quote. A malformed record (text after a closing quote, a
    /// quote left open at the end) gets no fields, so that it counts against this delimiter and quote.
    /// </summary>
    private static List<List<string>> SplitRecords(string s, char d, char q, bool complete, out int quoted)
    {
        quoted = 0;
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        bool inQuotes = false, wasQuoted = false, bad = false;
        while (i < s.Length && records.Count < 20)
        {
            char c = s[i];
            if (inQuotes)
            {
                if (c == q)
                {
                    if (i + 1 < s.Length && s[i + 1] == q) { field.Append(q); i += 2; continue; }
                    inQuotes = false;
                    i++;
                    if (i < s.Length && s[i] != d && s[i] != '\n' && s[i] != '\r') bad = true;
                    continue;
                }
                field.Append(c);
                i++;
                continue;
            }
            if (c == q && field.Length == 0 && !wasQuoted) { inQuotes = true; wasQuoted = true; quoted++; i++; continue; }
            if (c == d) { record.Add(field.ToString()); field.Clear(); wasQuoted = false; i++; continue; }
            if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < s.Length && s[i + 1] == '\n') i++;
                i++;
                record.Add(field.ToString());
                field.Clear();
                wasQuoted = false;
                if (record.Count > 1 || record[0].Length > 0) records.Add(bad ? [] : record);
                record = [];
                bad = false;
                continue;
            }
            field.Append(c);
            i++;
        }
        // An incomplete sample's last record may be cut anywhere: leave it out.
        if (i >= s.Length && complete && (field.Length > 0 || record.Count > 0 || inQuotes))
        {
            record.Add(field.ToString());
            records.Add(bad || inQuotes ? [] : record);
        }
        return records;
    }
}
