using System.Text;
using Audiences.Sdk.Sqlite.Reading;

namespace Audiences.Sdk.Sqlite.Tests.Reading;

public sealed class OrdinalOrderTests
{
    // ASCII, a two-byte letter, the edges of the range UTF-8 and UTF-16 order differently, and two characters beyond U+FFFF.
    private static readonly string[] Alphabet = ["a", "b", "é", "\uD7FF", "\uE000", "\uFF21", "\uFFFF", "\U00010000", "\U0001F600"];

    [Fact]
    public void Add_StringsInUtf8Order_PassesThemOnInOrdinalOrder()
    {
        var random = new Random(20260115);
        for (var round = 0; round < 200; round++)
        {
            var strings = Enumerable.Range(0, random.Next(1, 60))
                .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => Alphabet[random.Next(Alphabet.Length)])))
                .Distinct(StringComparer.Ordinal)
                .ToList();

            Reorder(strings.OrderBy(s => Encoding.UTF8.GetBytes(s), Utf8Bytes.Instance)).Should().Equal(strings.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Add_AsciiStrings_HoldsNothingBack()
    {
        var order = new OrdinalOrder();
        var ready = new List<string>();

        order.Add("a", ready);
        order.Add("b", ready);

        ready.Should().Equal("a", "b");
    }

    private static List<string> Reorder(IEnumerable<string> utf8Ordered)
    {
        var order = new OrdinalOrder();
        var ready = new List<string>();
        foreach (var value in utf8Ordered)
        {
            order.Add(value, ready);
        }

        order.Flush(ready);
        return ready;
    }

    /// <summary>Byte-wise order, as SQLite's BINARY collation compares UTF-8 text.</summary>
    private sealed class Utf8Bytes : IComparer<byte[]>
    {
        public static Utf8Bytes Instance { get; } = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
