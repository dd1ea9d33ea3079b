using System.Diagnostics;
using System.Globalization;
using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.Import;
using Audiences.Sdk.Matching.Probabilistic;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Scale;

/// <summary>
/// The product path of the <c>--fuzzy-dedupe N</c> run: the same generated people imported through
/// <see cref="ProfileService"/> into the in-memory store with probabilistic matching on, so the
/// figure includes alias matching, building the table from the store, training, scoring and the merges.
/// </summary>
internal static class FuzzyImportProbe
{
    public static void Run(IReadOnlyList<FuzzyPerson> people, TextWriter output, TextWriter log)
    {
        log.WriteLine("Importing through the SDK with probabilistic matching on...");
        using var store = BenchStore.InMemory();
        var service = store.Service;
        var fields = FuzzyPersonGenerator.Fields;
        var records = people.Select(p => new SourceRecord(
            new SourceRecordKey("generated", "people", p.Id.ToString(CultureInfo.InvariantCulture)),
            EntityKind.Person,
            SourceKind.Csv,
            Enumerable.Range(0, fields.Length).Where(i => p.Values[i] is not null).ToDictionary(i => fields[i], i => FieldValue.FromText(p.Values[i]!))));
        var options = new ImportOptions(EntityKind.Person) { Fuzzy = ProbabilisticMatchingOptions.ForFields(fields.Where(f => f != "email")) };

        var started = Stopwatch.GetTimestamp();
        var result = service.UpsertAsync(records, options).GetAwaiter().GetResult();
        var total = Stopwatch.GetElapsedTime(started);
        var profiles = service.CountAsync(EntityKind.Person).AsTask().GetAwaiter().GetResult();
        var entities = people.Select(p => p.Entity).Distinct().Count();

        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"## The same people imported through the SDK (in-memory store, email as alias, probabilistic on first_name, surname, dob, city)"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"- total {total.TotalSeconds:0.00} s ({people.Count / total.TotalSeconds:N0} records/s): alias matching, table from the store, training, scoring, merges"));
        output.WriteLine(string.Create(c, $"- merges {result.Merged:N0}, of which probabilistic {result.ProbabilisticMerged:N0}; queued for review {result.QueuedForReview:N0}"));
        output.WriteLine(string.Create(c, $"- profiles {profiles:N0} for {entities:N0} true people ({people.Count:N0} records)"));
    }
}
