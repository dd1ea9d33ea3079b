using System.Globalization;

namespace Audiences.Sdk.Benchmarks;

/// <summary>
/// How many rows each benchmark works on: 100,000 unless <c>--rows N</c> is given on the command
/// line. The count travels in an environment variable because BenchmarkDotNet runs each case in a
/// child process, which inherits the environment but not our own options.
/// </summary>
public static class BenchmarkRows
{
    /// <summary>The environment variable that carries the row count to the child processes.</summary>
    public const string Variable = "AUDIENCES_BENCH_ROWS";

    /// <summary>The row count of a full run.</summary>
    public const int Default = 100_000;

    /// <summary>The row counts to run, for <c>[ParamsSource]</c>.</summary>
    public static IEnumerable<int> Values =>
        [int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var rows) && rows > 0 ? rows : Default];

    /// <summary>Takes <c>--rows N</c> out of the arguments (BenchmarkDotNet rejects options it does not know) and publishes it.</summary>
    /// <exception cref="ArgumentException">The value after <c>--rows</c> is missing or not a positive whole number.</exception>
    public static string[] Extract(string[] args)
    {
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != "--rows")
            {
                rest.Add(args[i]);
                continue;
            }

            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var rows) || rows < 1)
            {
                throw new ArgumentException("--rows needs a positive whole number, e.g. --rows 2000.", nameof(args));
            }

            Environment.SetEnvironmentVariable(Variable, rows.ToString(CultureInfo.InvariantCulture));
            i++;
        }

        return [.. rest];
    }
}
