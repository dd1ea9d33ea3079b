using System.Text;
using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Scale;

/// <summary>
/// The workload file of the bulk run: the generated people (<see cref="PersonGenerator"/>, same seed, same ten
/// fields) as a CSV file with a header and no id column, as a user would export it, where every twentieth row
/// (5%) carries the email of an earlier row chosen at random, so that it merges into that row's profile on import.
/// </summary>
/// <remarks>
/// A repeating row keeps its own other values (a fresh LinkedIn URL, name, title...), so the merged profile has
/// two source records that disagree on every field but the email; survivorship picks the later row's values.
/// The repeats are planned first and only the emails they need are kept while writing, so a file of any size is
/// written in constant memory (at most one email per repeat).
/// </remarks>
internal static class BulkWorkload
{
    /// <summary>One row in this many repeats an earlier row's email.</summary>
    public const int RepeatEvery = 20;

    /// <summary>Writes <paramref name="rows"/> rows to <paramref name="path"/>.</summary>
    public static BulkWorkloadFile Write(string path, int rows, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        var targets = PlanRepeats(rows, seed);
        var pending = targets.Values.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var kept = new Dictionary<int, string>();
        var repeats = 0;
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 20))
        {
            writer.Write(string.Join(',', PersonFields.All));
            writer.Write('\n');
            var row = 0;
            foreach (var person in PersonGenerator.Generate(rows, seed))
            {
                row++;
                var email = PersonCsvWriter.FormatValue(person, PersonFields.Email);
                if (targets.TryGetValue(row, out var target))
                {
                    email = kept[target];
                    repeats++;
                    if (--pending[target] == 0)
                    {
                        kept.Remove(target);
                    }
                }

                if (pending.TryGetValue(row, out var uses) && uses > 0)
                {
                    kept[row] = email;
                }

                WriteRow(writer, person, email);
            }
        }

        return new BulkWorkloadFile(path, new FileInfo(path).Length, rows, repeats);
    }

    /// <summary>Which earlier row each repeating row (every <see cref="RepeatEvery"/>th, 1-based) takes its email from.</summary>
    private static Dictionary<int, int> PlanRepeats(int rows, int seed)
    {
#pragma warning disable CA5394 // Benchmark data, not security: a seeded generator is the point.
        var random = new Random(seed ^ 0x5EED);
        var targets = new Dictionary<int, int>(rows / RepeatEvery);
        for (var row = RepeatEvery; row <= rows; row += RepeatEvery)
        {
            targets[row] = random.Next(1, row);
        }
#pragma warning restore CA5394

        return targets;
    }

    private static void WriteRow(StreamWriter writer, SourceRecord person, string email)
    {
        // Generated values hold no commas, quotes or line breaks, so no cell needs quoting.
        writer.Write(email);
        foreach (var field in PersonFields.All.Skip(1))
        {
            writer.Write(',');
            writer.Write(PersonCsvWriter.FormatValue(person, field));
        }

        writer.Write('\n');
    }
}
