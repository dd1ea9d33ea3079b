using System.Text.RegularExpressions;
using Audiences.Sdk.Matching.Probabilistic;

namespace Audiences.Sdk.Tests.Matching.Probabilistic;

/// <summary>
/// Runs the probabilistic deduplication once per dataset, with default comparisons, blocking and
/// thresholds, and measures it beside an exact-alias baseline (no transitive closure).
/// </summary>
public sealed partial class AccuracyFixture
{
    private static readonly string[] SplinkFields = ["first_name", "surname", "dob", "city", "email"];

    private static readonly string[] FebrlFields =
        ["given_name", "surname", "street_number", "address_1", "suburb", "postcode", "state", "date_of_birth", "soc_sec_id"];

    private readonly Lazy<IReadOnlyList<AccuracyFigure>> _figures;

    public AccuracyFixture() => _figures = new Lazy<IReadOnlyList<AccuracyFigure>>(Measure);

    internal IReadOnlyList<AccuracyFigure> Figures => _figures.Value;

    internal PairwiseScore Find(string dataset, string method) =>
        Figures.Single(f => f.Dataset == dataset && f.Method == method).Score;

    private static List<AccuracyFigure> Measure()
    {
        var figures = new List<AccuracyFigure>();
        Splink(figures, "fake_1000", labels: true);
        Splink(figures, "fake_20000", labels: false);
        Febrl3(figures);
        Febrl4(figures);
        return figures;
    }

    private static void Splink(List<AccuracyFigure> figures, string name, bool labels)
    {
        var data = CsvDataset.Load($"splink_synthetic_people/{name}.csv");
        var table = new FuzzyRecordTable(SplinkFields);
        var truth = new Dictionary<long, string>();
        var email = new Dictionary<long, string?>();
        foreach (var row in data.Rows)
        {
            var id = long.Parse(data.Value(row, "unique_id"), System.Globalization.CultureInfo.InvariantCulture);
            table.Add(id, [.. SplinkFields.Select(f => data.NullableValue(row, f))]);
            truth[id] = data.Value(row, "cluster");
            email[id] = data.NullableValue(row, "email");
        }

        var result = Deduplicate(table, SplinkFields);
        figures.Add(new AccuracyFigure(name, "probabilistic, clustered", PairwiseScore.FromClusters(result.Clusters, truth)));
        figures.Add(new AccuracyFigure(name, "exact email only", PairwiseScore.FromExactKey(email, truth)));
        if (labels)
        {
            figures.Add(new AccuracyFigure($"{name} labels", "probabilistic, clustered", LabelScore(result.Clusters)));
        }
    }

    private static PairwiseScore LabelScore(IReadOnlyList<IReadOnlyList<long>> clusters)
    {
        var clusterOf = new Dictionary<long, int>();
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var id in clusters[c])
            {
                clusterOf[id] = c;
            }
        }

        var labels = CsvDataset.Load("splink_synthetic_people/fake_1000_labels.csv");
        long predicted = 0, correct = 0, actual = 0;
        foreach (var row in labels.Rows)
        {
            var left = long.Parse(labels.Value(row, "unique_id_l"), System.Globalization.CultureInfo.InvariantCulture);
            var right = long.Parse(labels.Value(row, "unique_id_r"), System.Globalization.CultureInfo.InvariantCulture);
            var positive = labels.Value(row, "clerical_match_score") is "1.0" or "1";
            var same = clusterOf.TryGetValue(left, out var a) && clusterOf.TryGetValue(right, out var b) && a == b;
            actual += positive ? 1 : 0;
            predicted += same ? 1 : 0;
            correct += same && positive ? 1 : 0;
        }

        return new PairwiseScore(predicted, correct, actual);
    }

    private static void Febrl3(List<AccuracyFigure> figures)
    {
        var (table, truth, ssn) = LoadFebrl(("febrl/dataset3.csv", 0));
        var result = Deduplicate(table, FebrlFields);
        figures.Add(new AccuracyFigure("FEBRL3", "probabilistic, clustered", PairwiseScore.FromClusters(result.Clusters, truth)));
        figures.Add(new AccuracyFigure("FEBRL3", "exact soc_sec_id only", PairwiseScore.FromExactKey(ssn, truth)));
    }

    private static void Febrl4(List<AccuracyFigure> figures)
    {
        // Linkage as deduplication of both files together; only pairs across the files count.
        const long Offset = 1_000_000;
        var (table, truth, ssn) = LoadFebrl(("febrl/dataset4a.csv", 0), ("febrl/dataset4b.csv", Offset));
        var result = Deduplicate(table, FebrlFields);
        static bool Across(long a, long b) => a < Offset != b < Offset;
        figures.Add(new AccuracyFigure("FEBRL4 (links 4a–4b)", "probabilistic, clustered", PairwiseScore.FromClusters(result.Clusters, truth, Across)));
        figures.Add(new AccuracyFigure("FEBRL4 (links 4a–4b)", "exact soc_sec_id only", PairwiseScore.FromExactKey(ssn, truth, Across)));
    }

    private static (FuzzyRecordTable Table, Dictionary<long, string> Truth, Dictionary<long, string?> Ssn) LoadFebrl(params (string Path, long Offset)[] files)
    {
        var table = new FuzzyRecordTable(FebrlFields);
        var truth = new Dictionary<long, string>();
        var ssn = new Dictionary<long, string?>();
        foreach (var (path, offset) in files)
        {
            var data = CsvDataset.Load(path);
            for (var i = 0; i < data.Rows.Count; i++)
            {
                var row = data.Rows[i];
                var id = offset + i;
                table.Add(id, [.. FebrlFields.Select(f => data.NullableValue(row, f))]);
                truth[id] = EntityNumber().Match(data.Value(row, "rec_id")).Groups[1].Value;
                ssn[id] = data.NullableValue(row, "soc_sec_id");
            }
        }

        return (table, truth, ssn);
    }

    private static FuzzyDeduplicationResult Deduplicate(FuzzyRecordTable table, string[] fields) =>
        new ProbabilisticDeduplicator(ProbabilisticMatchingOptions.ForFields(fields)).Run(table);

    [GeneratedRegex(@"rec-(\d+)")]
    private static partial Regex EntityNumber();
}
