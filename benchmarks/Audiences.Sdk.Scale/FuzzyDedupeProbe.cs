using System.Diagnostics;
using System.Globalization;
using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.Matching.Probabilistic;

namespace Audiences.Sdk.Scale;

/// <summary>
/// The <c>--fuzzy-dedupe N</c> run: generates N people with injected duplicates and errors, loads
/// them into a record table, deduplicates them probabilistically (blocking, training, scoring,
/// clustering) and prints stage times, throughput and precision/recall against the generator's truth.
/// </summary>
internal static class FuzzyDedupeProbe
{
    public static void Run(int rows, int seed, TextWriter output, TextWriter log)
    {
        log.WriteLine($"Generating {rows:N0} people with duplicates (seed {seed})...");
        var people = FuzzyPersonGenerator.Generate(rows, seed);
        Measurement.FullCollect();

        log.WriteLine("Loading the record table...");
        FuzzyRecordTable table = null!;
        var load = FuzzyDedupeRun.Time(() => table = FuzzyDedupeRun.Load(people));

        log.WriteLine($"Deduplicating on {Environment.ProcessorCount} cores...");
        var started = Stopwatch.GetTimestamp();
        var result = FuzzyDedupeRun.Deduplicate(table);
        var total = Stopwatch.GetElapsedTime(started);
        var (predicted, correct, actual) = FuzzyDedupeRun.Score(result.Clusters, people);
        var s = result.Statistics;
        var precision = predicted == 0 ? 0 : (double)correct / predicted;
        var recall = actual == 0 ? 0 : (double)correct / actual;

        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"## Probabilistic deduplication of {rows:N0} generated people ({Environment.ProcessorCount} cores)"));
        output.WriteLine();
        output.WriteLine("| stage | seconds |");
        output.WriteLine("|---|---:|");
        output.WriteLine(string.Create(c, $"| load table (normalize, intern) | {load.TotalSeconds:0.00} |"));
        output.WriteLine(string.Create(c, $"| blocking | {s.Blocking.TotalSeconds:0.00} |"));
        output.WriteLine(string.Create(c, $"| comparing candidate pairs | {s.Comparing.TotalSeconds:0.00} |"));
        output.WriteLine(string.Create(c, $"| training (u sample + EM) | {s.Training.TotalSeconds:0.00} |"));
        output.WriteLine(string.Create(c, $"| scoring | {s.Scoring.TotalSeconds:0.00} |"));
        output.WriteLine(string.Create(c, $"| clustering | {s.Clustering.TotalSeconds:0.00} |"));
        output.WriteLine(string.Create(c, $"| **deduplication total** | **{total.TotalSeconds:0.00}** |"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"- records/s (deduplication): {rows / total.TotalSeconds:N0}"));
        output.WriteLine(string.Create(c, $"- candidate pairs compared: {s.ComparedPairs:N0}; pairs skipped in oversized blocks (per rule): {s.SkippedPairs:N0}"));
        output.WriteLine(string.Create(c, $"- pairs at or above the review threshold: {result.Pairs.Count:N0}; clusters: {result.Clusters.Count:N0}"));
        output.WriteLine(string.Create(c, $"- λ = {result.Model.Lambda:E3}; EM iterations (max over rules): {result.Model.EmIterations}; converged: {result.Model.Converged}"));
        output.WriteLine(string.Create(c, $"- pairwise vs truth: predicted {predicted:N0}, correct {correct:N0}, true {actual:N0}; precision {precision:0.0000}, recall {recall:0.0000}, F1 {(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)):0.0000}"));
        output.WriteLine(string.Create(c, $"- managed memory after the run: {GC.GetTotalMemory(false) / 1048576.0:N0} MiB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB"));

        FuzzyImportProbe.Run(people, output, log);
    }
}
