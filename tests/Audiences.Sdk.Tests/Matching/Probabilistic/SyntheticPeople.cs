using System.Globalization;
using Audiences.Sdk.Matching.Probabilistic;

namespace Audiences.Sdk.Tests.Matching.Probabilistic;

/// <summary>A small, seeded table of people with duplicates that carry typos and gaps, and its truth.</summary>
internal static class SyntheticPeople
{
    public static readonly string[] Fields = ["first_name", "surname", "dob", "city"];

    private static readonly string[] First =
        ["olivia", "james", "amelia", "oliver", "isla", "george", "ava", "harry", "emily", "jack", "sophia", "noah", "grace", "leo", "mia", "oscar", "ella", "arthur", "lily", "henry", "freya", "theo", "ivy", "alfie"];

    private static readonly string[] Last =
        ["smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies", "robinson", "wright", "thompson", "evans", "walker", "white", "roberts", "green", "hall", "wood", "jackson", "clarke", "patel", "khan", "lewis", "harris"];

    private static readonly string[] Cities = ["london", "leeds", "bristol", "cardiff", "york", "bath", "derby", "hull", "luton", "wells"];

#pragma warning disable CA5394 // Test data: a seeded generator is the point.
    public static (FuzzyRecordTable Table, Dictionary<long, int> Truth) Create(int entities, int seed)
    {
        var random = new Random(seed);
        var table = new FuzzyRecordTable(Fields);
        var truth = new Dictionary<long, int>();
        long id = 0;
        for (var e = 0; e < entities; e++)
        {
            string[] person =
            [
                First[random.Next(First.Length)],
                Last[random.Next(Last.Length)],
                new DateOnly(1940, 1, 1).AddDays(random.Next(25_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Cities[random.Next(Cities.Length)],
            ];
            var copies = 1 + random.Next(3);
            for (var c = 0; c < copies; c++)
            {
                var values = (string?[])person.Clone();
                if (c > 0)
                {
                    Corrupt(values, random);
                }

                table.Add(id, values);
                truth[id++] = e;
            }
        }

        return (table, truth);
    }

    private static void Corrupt(string?[] values, Random random)
    {
        var field = random.Next(values.Length);
        var value = values[field]!;
        values[field] = random.Next(3) switch
        {
            0 => null,
            1 when value.Length > 3 => string.Concat(value.AsSpan(0, 1), value.AsSpan(2, 1), value.AsSpan(1, 1), value.AsSpan(3)),
            _ => value + "e",
        };
    }
#pragma warning restore CA5394
}
