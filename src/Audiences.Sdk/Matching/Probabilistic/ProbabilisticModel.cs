using System.Text.Json;
using System.Text.Json.Serialization;

namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// A trained Fellegi–Sunter model: the prior probability that two random records match (λ) and,
/// per comparison level, m, u and the log2 Bayes factor weight. Immutable and thread-safe; store
/// it with <see cref="ToJson"/> and load it with <see cref="FromJson"/>.
/// </summary>
internal sealed record ProbabilisticModel
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The prior probability λ that two records drawn at random are the same entity.</summary>
    public required double Lambda { get; init; }

    /// <summary>The comparisons with their level parameters.</summary>
    public required IReadOnlyList<ComparisonModel> Comparisons { get; init; }

    /// <summary>How many blocked pairs trained the m probabilities.</summary>
    public long TrainingPairs { get; init; }

    /// <summary>How many random pairs estimated the u probabilities.</summary>
    public long RandomPairs { get; init; }

    /// <summary>The most EM iterations any blocking rule needed.</summary>
    public int EmIterations { get; init; }

    /// <summary>Whether EM converged within the tolerance for every blocking rule.</summary>
    public bool Converged { get; init; }

    /// <summary>The prior as a match weight: log2(λ / (1 − λ)).</summary>
    [JsonIgnore]
    public double PriorWeight => Math.Log2(Lambda / (1 - Lambda));

    /// <summary>Converts a match weight (prior included) to a probability.</summary>
    public static double ToProbability(double matchWeight)
    {
        var odds = Math.Pow(2, matchWeight);
        return double.IsPositiveInfinity(odds) ? 1.0 : odds / (1 + odds);
    }

    /// <summary>Converts a probability in (0, 1) to the match weight that reaches it.</summary>
    public static double ToMatchWeight(double probability) => Math.Log2(probability / (1 - probability));

    /// <summary>Serializes the model to indented JSON (camelCase names, enums as text).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a model written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not a model.</exception>
    public static ProbabilisticModel FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize<ProbabilisticModel>(json, Json) ?? throw new JsonException("The JSON is null, not a probabilistic model.");
    }
}
