using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Writing;
using CsCheck;

namespace Audiences.Sdk.Sqlite.Tests.Writing;

/// <summary>The queue gives the last change of every row, in the table's key order, whatever order the changes came in.</summary>
public sealed class ValueRowQueueTests
{
    private static readonly string[] Texts = ["a", "A", "b", "ab", "é", "É", "", "zz"];

    [Fact]
    public void Order_ProfilesInIdOrder_GivesKeyOrder()
    {
        var queue = new ValueRowQueue();
        for (var profile = 1; profile <= 3; profile++)
        {
            queue.AddText(2, profile, "x", delete: false);
            queue.Add(1, FieldType.Number, profile, BitConverter.DoubleToInt64Bits(profile), delete: false);
        }

        Describe(queue, queue.Order()).Should().Equal(
            (1L, 1L, "Number:1"), (1L, 2L, "Number:2"), (1L, 3L, "Number:3"),
            (2L, 1L, "Text:X"), (2L, 2L, "Text:X"), (2L, 3L, "Text:X"));
    }

    [Fact]
    public void Order_AnyChanges_KeepsTheLastChangeOfEachRowInKeyOrder()
    {
        var change = Gen.Select(Gen.Int[0, 3], Gen.Long[1, 5], Gen.Int[0, 3], Gen.Int[0, Texts.Length - 1], Gen.Bool);
        Gen.Select(change.Array[0, 60], Gen.Bool).Sample((changes, spread) =>
        {
            // Field numbers far apart take the comparison sort, near ones the grouping by field.
            var queue = new ValueRowQueue();
            var expected = new List<(long Field, long Profile, int Type, string Value, bool Delete, int Sequence)>();
            foreach (var (f, profile, kind, text, delete) in changes)
            {
                var field = spread ? 1 + (f * 100_000L) : 1 + f;
                switch (kind)
                {
                    case 0:
                        queue.AddText(field, profile, Texts[text], delete);
                        expected.Add((field, profile, (int)FieldType.Text, "Text:" + Audiences.Sdk.Filtering.FilterText.Fold(Texts[text]), delete, expected.Count));
                        break;
                    case 1:
                        // 0 and -0 are one row, as SQLite compares them.
                        var number = text % 3 == 0 ? -0.0 : text % 3;
                        queue.Add(field, FieldType.Number, profile, BitConverter.DoubleToInt64Bits(number), delete);
                        expected.Add((field, profile, (int)FieldType.Number, "Number:" + (number == 0 ? 0 : number), delete, expected.Count));
                        break;
                    default:
                        queue.Add(field, FieldType.DateTime, profile, text % 2, delete);
                        expected.Add((field, profile, (int)FieldType.DateTime, "DateTime:" + (text % 2), delete, expected.Count));
                        break;
                }
            }

            var last = expected
                .GroupBy(e => (e.Field, e.Profile, e.Type, e.Value))
                .Select(g => g.MaxBy(e => e.Sequence))
                .OrderBy(e => e.Field).ThenBy(e => e.Profile).ThenBy(e => e.Type)
                .ThenBy(e => e.Value, StringComparer.Ordinal)
                .Select(e => (e.Field, e.Profile, e.Value, e.Delete))
                .ToList();

            var ordered = queue.Order();
            Describe(queue, ordered).Zip(ordered.ToArray().Select(c => c.Delete), (d, delete) => (d.Field, d.Profile, d.Value, delete))
                .Should().Equal(last);
        });
    }

    [Fact]
    public void Clear_DropsQueuedChanges()
    {
        var queue = new ValueRowQueue();
        queue.AddText(1, 1, "a", delete: false);
        queue.Clear();
        queue.AddText(1, 2, "b", delete: false);

        Describe(queue, queue.Order()).Should().Equal((1L, 2L, "Text:B"));
    }

    private static List<(long Field, long Profile, string Value)> Describe(ValueRowQueue queue, ReadOnlySpan<ValueRowChange> changes)
    {
        var rows = new List<(long, long, string)>();
        foreach (var change in changes)
        {
            var value = change.Type switch
            {
                FieldType.Text => System.Text.Encoding.UTF8.GetString(queue.Text(change)),
                FieldType.Number => BitConverter.Int64BitsToDouble(change.Value) is var n && n == 0 ? "0" : BitConverter.Int64BitsToDouble(change.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => change.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            rows.Add((change.Field, change.ProfileId, $"{change.Type}:{value}"));
        }

        return rows;
    }
}
