using System.Diagnostics.CodeAnalysis;

namespace Depesche.Core;

// Why: throwing from a separate non-inlined method keeps the hot accessors small enough to inline.
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void IndexOutOfRange(int index, int count) =>
        throw new ArgumentOutOfRangeException(nameof(index), $"Token {index} is outside [0, {count}).");

    [DoesNotReturn]
    public static void InvalidToken(int start, int end, int length) =>
        throw new ArgumentOutOfRangeException(nameof(start), $"Token [{start}, {end}) is empty or outside the text of length {length}.");

    [DoesNotReturn]
    public static void OverlappingToken(int start, int previousEnd) =>
        throw new ArgumentException($"Token at {start} starts before the previous token ends ({previousEnd}).");

    [DoesNotReturn]
    public static void SentenceOrder(int sentence, int previous) =>
        throw new ArgumentException($"Sentence index {sentence} follows {previous}: sentence indices must not decrease.");
}
