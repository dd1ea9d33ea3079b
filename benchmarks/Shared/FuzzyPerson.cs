namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>One generated row for probabilistic deduplication.</summary>
/// <param name="Id">The row's id (its position).</param>
/// <param name="Entity">The person the row describes: rows with the same entity are true duplicates.</param>
/// <param name="Values">The values of <see cref="FuzzyPersonGenerator.Fields"/>; null when missing.</param>
public sealed record FuzzyPerson(long Id, int Entity, string?[] Values);
