namespace Audiences.Sdk.Providers;

/// <summary>The rules for providers' names: each given, and each used by one provider of its kind.</summary>
internal static class ProviderNames
{
    public static IEqualityComparer<string> Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>What is wrong with the names of one kind of provider, or nothing.</summary>
    /// <param name="kind">"enrichment" or "signal".</param>
    /// <param name="names">The registered providers' names.</param>
    public static IEnumerable<string> Problems(string kind, IEnumerable<string?> names)
    {
        var all = names.ToList();
        if (all.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"A registered {kind} provider has no name; every provider needs one.";
        }

        foreach (var twice in all.Where(n => !string.IsNullOrWhiteSpace(n)).GroupBy(n => n!, Comparer).Where(g => g.Count() > 1))
        {
            yield return $"{twice.Count()} {kind} providers are named '{twice.Key}'; give each a name of its own.";
        }
    }
}
