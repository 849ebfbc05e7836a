using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Depesche.Core;

namespace Depesche.Ingest;

/// <summary>The outcome of <see cref="TextDecoder.Decode"/>: text and the encoding it was read as, or a rejection.</summary>
/// <param name="Text">The decoded text (mojibake repaired when that was unambiguous); null when rejected.</param>
/// <param name="Encoding">The detected encoding, e.g. <c>utf-8</c>, <c>utf-16le</c>, <c>windows-1252</c>; null when rejected.</param>
/// <param name="Repaired">True when double-encoded UTF-8 (<c>Ã¤</c> for <c>ä</c>) was repaired.</param>
/// <param name="Rejection">Why the bytes were refused; null on success.</param>
public readonly record struct DecodeResult(string? Text, string? Encoding, bool Repaired, Rejection? Rejection)
{
    public bool IsOk => Text is not null;
}

/// <summary>
/// Turns raw bytes into text: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or BOM-less by the NUL pattern),
/// and Windows-1252 / ISO-8859-1 when the bytes are not UTF-8 but read as German text. Repairs double-encoded
/// UTF-8 only when the repair is unambiguous. Bad input is returned as a <see cref="Rejection"/>, never thrown.
/// Thread-safe: no mutable state.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252 that throws on characters it cannot encode (used to undo mojibake).</summary>
    private static readonly Lazy<Encoding> StrictCp1252 = new(() =>
        Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback));

    private static readonly Lazy<Encoding> Cp1252 = new(() => Encoding.GetEncoding(1252));
    /// <summary>Windows-1252 with replacement, for streamed input that is not UTF-8.</summary>
    internal static Encoding Windows1252 => Cp1252.Value;

    private static readonly Lazy<Encoding> Latin1 = new(() => Encoding.Latin1);

    /// <summary>Decodes <paramref name="bytes"/>. <paramref name="origin"/> locates rejections; byte offsets are added to its <c>Byte</c>.</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes, SourceLocation origin)
    {
        // 1. Nothing at all.
        if (bytes.IsEmpty) return Reject(RejectionCode.EmptyInput, "the input is empty", origin, 0);

        // 2. A byte-order mark decides.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return DecodeUtf8(bytes[3..], 3, origin);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return DecodeUtf16(bytes[2..], 2, bigEndian: false, origin);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return DecodeUtf16(bytes[2..], 2, bigEndian: true, origin);

        // 3. BOM-less UTF-16: text in the Latin range has a NUL in every other byte.
        if (DetectUtf16(bytes) is { } bigEndian) return DecodeUtf16(bytes, 0, bigEndian, origin);

        // 4. Binary: any NUL outside UTF-16, or many control characters.
        if (FindBinary(bytes) is { } binaryAt)
            return Reject(RejectionCode.BinaryContent, "the input looks binary (NUL or control bytes)", origin, binaryAt);

        return DecodeUtf8(bytes, 0, origin);
    }

    /// <summary>
    /// Repairs double-encoded UTF-8 (<c>Ã¤</c>→<c>ä</c>, <c>â€ž</c>→<c>„</c>) in already decoded text.
    /// Returns the text unchanged when it shows no mojibake, the repaired text when re-encoding as Windows-1252 and
    /// decoding as UTF-8 succeeds for the whole text, and null when mojibake is present but cannot be repaired.
    /// </summary>
    public static string? RepairMojibake(string text)
    {
        var current = text;
        // Why: text double-encoded twice (Ã\u0083Â¤) needs two rounds; more is never seen in practice.
        for (var round = 0; round < 2 && CountMojibake(current) > 0; round++)
        {
            string repaired;
            try
            {
                repaired = StrictUtf8.GetString(StrictCp1252.Value.GetBytes(current));
            }
            catch (Exception e) when (e is EncoderFallbackException or DecoderFallbackException or ArgumentException)
            {
                return null;
            }
            current = repaired;
        }
        return CountMojibake(current) > 0 ? null : current;
    }

    /// <summary>Counts typical signs of UTF-8 read as Windows-1252: a lead such as <c>Ã</c> or <c>â</c> followed by a continuation-byte character.</summary>
    internal static int CountMojibake(ReadOnlySpan<char> text)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            // Why: vectorised skip to the next possible lead; clean text has almost none.
            var next = text[i..].IndexOfAny(MojibakeLeads);
            if (next < 0) return count;
            i += next;
            // Why: in German text these capitals and â are followed by letters, never by a symbol from 0x80..0xBF.
            if (i + 1 < text.Length && IsCp1252Continuation(text[i + 1])) count++;
            i++;
        }
    }

    private static readonly SearchValues<char> MojibakeLeads = SearchValues.Create("ÃÂâÅÄ");

    // Characters that Windows-1252 maps from bytes 0x80..0xBF (UTF-8 continuation bytes).
    private static bool IsCp1252Continuation(char c) =>
        c is >= '\u00A0' and <= '\u00BF' or >= '\u0080' and <= '\u009F'
        or '\u20AC' or '\u201A' or '\u0192' or '\u201E' or '\u2026' or '\u2020' or '\u2021' or '\u02C6' or '\u2030'
        or '\u0160' or '\u2039' or '\u0152' or '\u017D' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2022'
        or '\u2013' or '\u2014' or '\u02DC' or '\u2122' or '\u0161' or '\u203A' or '\u0153' or '\u017E' or '\u0178';

    private static DecodeResult DecodeUtf8(ReadOnlySpan<byte> bytes, int offset, SourceLocation origin)
    {
        if (!Utf8.IsValid(bytes))
        {
            var (status, at) = FirstInvalidUtf8(bytes);
            // Why: a cut multi-byte character after plain ASCII is more likely one Windows-1252 letter ("... Bä").
            if (status == OperationStatus.NeedMoreData && !System.Text.Ascii.IsValid(bytes[..at]))
                return Reject(RejectionCode.TruncatedEncoding, "the UTF-8 input ends inside a multi-byte character", origin, offset + at);
            return DecodeSingleByte(bytes, offset + at, origin);
        }
        var text = Encoding.UTF8.GetString(bytes);
        return Finish(text, "utf-8", origin, offset);
    }

    private static DecodeResult DecodeSingleByte(ReadOnlySpan<byte> bytes, long firstInvalid, SourceLocation origin)
    {
        // Why: bytes 0x80..0x9F are C1 controls in ISO-8859-1 but typographic quotes and dashes in Windows-1252;
        // their presence decides between the two, and five of them are undefined in Windows-1252.
        var hasC1 = false;
        int high = 0, letterLike = 0, asciiLetters = 0;
        foreach (var b in bytes)
        {
            if (b < 0x80)
            {
                if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z') asciiLetters++;
                continue;
            }
            high++;
            if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
                return Reject(RejectionCode.InvalidEncoding, "the input is neither UTF-8 nor Windows-1252", origin, firstInvalid);
            if (b <= 0x9F) hasC1 = true;
            if (IsGermanSingleByte(b)) letterLike++;
        }
        // Why: random binary or another code page (e.g. Cyrillic cp1251) has high bytes that are not German letters.
        // Why: in German most letters are ASCII (umlauts are a few percent); Cyrillic or Greek in their code pages is nearly all high bytes.
        if (high == 0 || letterLike < high * 0.8 || high > (asciiLetters + high) * 0.3)
            return Reject(RejectionCode.InvalidEncoding, "the input is not UTF-8 and does not read as Windows-1252 German text", origin, firstInvalid);
        var encoding = hasC1 ? Cp1252.Value : Latin1.Value;
        var text = encoding.GetString(bytes);
        // Why: UTF-8 sequences that now read as "Ã¼" mean the file mixes UTF-8 with single-byte text.
        if (CountMojibake(text) > 0)
            return Reject(RejectionCode.InvalidEncoding, "the input mixes UTF-8 with another encoding", origin, firstInvalid);
        return Finish(text, hasC1 ? "windows-1252" : "iso-8859-1", origin, 0);
    }

    // ä ö ü Ä Ö Ü ß, accented Latin letters, and the punctuation German text uses (typographic quotes, dashes, €, §, °, «»).
    private static bool IsGermanSingleByte(byte b) =>
        b is >= 0xC0 and <= 0xFF and not 0xD7 and not 0xF7
        or 0x80 or 0x84 or 0x85 or 0x82 or 0x91 or 0x92 or 0x93 or 0x94 or 0x96 or 0x97
        or 0xA0 or 0xA7 or 0xAB or 0xBB or 0xB0 or 0xB4 or 0xB7 or 0xB2 or 0xB3 or 0xBD;

    private static DecodeResult DecodeUtf16(ReadOnlySpan<byte> bytes, int offset, bool bigEndian, SourceLocation origin)
    {
        var name = bigEndian ? "utf-16be" : "utf-16le";
        if (bytes.Length % 2 != 0)
            return Reject(RejectionCode.TruncatedEncoding, "the UTF-16 input has an odd number of bytes", origin, offset + bytes.Length - 1);
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
        string text;
        try
        {
            text = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            // Why: a lone high surrogate at the very end is a cut-off character, anywhere else the data is bad.
            var at = e.Index >= 0 ? e.Index : 0;
            var code = at >= bytes.Length - 2 ? RejectionCode.TruncatedEncoding : RejectionCode.InvalidEncoding;
            return Reject(code, "the UTF-16 input has an unpaired surrogate", origin, offset + at);
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\0')
                return Reject(RejectionCode.BinaryContent, "the UTF-16 input contains NUL characters", origin, offset + 2L * i);
        }
        return Finish(text, name, origin, offset);
    }

    private static DecodeResult Finish(string text, string encoding, SourceLocation origin, int offset)
    {
        if (string.IsNullOrWhiteSpace(text)) return Reject(RejectionCode.EmptyInput, "the input holds only whitespace", origin, offset);
        if (CountMojibake(text) == 0) return new DecodeResult(text, encoding, false, null);
        var repaired = RepairMojibake(text);
        if (repaired is null)
            return Reject(RejectionCode.Mojibake, "the text holds double-encoded UTF-8 that cannot be repaired unambiguously", origin, offset);
        return new DecodeResult(repaired, encoding, true, null);
    }

    private static (OperationStatus Status, int Offset) FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            // Why: skip ASCII runs quickly; only multi-byte sequences need decoding.
            var ascii = bytes[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0) break;
            i += ascii;
            var status = Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (status != OperationStatus.Done) return (status, i);
            i += consumed;
        }
        return (OperationStatus.Done, bytes.Length);
    }

    /// <summary>Returns true for big-endian, false for little-endian, null when the bytes are not BOM-less UTF-16.</summary>
    private static bool? DetectUtf16(ReadOnlySpan<byte> bytes)
    {
        var n = Math.Min(bytes.Length, 4096) & ~1;
        if (n < 4) return null;
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) evenNul++;
            if (bytes[i + 1] == 0) oddNul++;
        }
        var pairs = n / 2;
        // Why: Latin-script UTF-16 has a NUL in most code units on one side and almost never on the other.
        bool bigEndian;
        if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.05) bigEndian = false;
        else if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.05) bigEndian = true;
        else return null;
        // Why: binary data can have the same NUL pattern; real UTF-16 text has no NUL or control characters.
        var sample = (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes[..n]);
        foreach (var c in sample)
            if (c < ' ' && c is not ('\t' or '\n' or '\r' or '\f')) return null;
        return bigEndian;
    }

    /// <summary>The byte offset of the first NUL, or of the first control byte when control bytes are frequent; else null.</summary>
    private static long? FindBinary(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0) return nul;
        int controls = 0, first = -1;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x0B or 0x1B) || b == 0x7F)
            {
                controls++;
                if (first < 0) first = i;
            }
        }
        // Why: a stray control byte occurs in real wire text; binary data has them everywhere.
        return controls > Math.Max(8, bytes.Length / 100) ? first : null;
    }

    private static DecodeResult Reject(RejectionCode code, string message, SourceLocation origin, long at) =>
        new(null, null, false, new Rejection(code, message, origin with { Byte = (origin.Byte ?? 0) + at }));
}
