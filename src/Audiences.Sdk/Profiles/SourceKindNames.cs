namespace Audiences.Sdk.Profiles;

/// <summary>
/// Source kinds as people type and read them — <c>upsert</c>, <c>enrichment</c>, <c>crm</c>, <c>crm-lead</c>,
/// <c>warehouse</c>, <c>csv</c>, <c>search</c>, <c>manual</c> — rather than as C# member names.
/// </summary>
public static class SourceKindNames
{
    /// <summary>Every name, in survivorship order (highest first).</summary>
    public static IReadOnlyList<string> All { get; } = ["upsert", "enrichment", "crm", "crm-lead", "warehouse", "csv", "search", "manual"];

    /// <summary>The name of a source kind, e.g. <c>crm-lead</c>.</summary>
    public static string ToName(this SourceKind kind) =>
        (int)kind is >= 1 and <= 8 ? All[(int)kind - 1] : kind.ToString().ToLowerInvariant();

    /// <summary>Reads a source kind name, ignoring case and surrounding spaces; <c>crm_lead</c> is read as <c>crm-lead</c>.</summary>
    /// <param name="name">A name of <see cref="All"/>.</param>
    /// <param name="kind">The source kind, when the name is known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out SourceKind kind)
    {
        var wanted = name?.Trim().Replace('_', '-');
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], wanted, StringComparison.OrdinalIgnoreCase))
            {
                kind = (SourceKind)(i + 1);
                return true;
            }
        }

        kind = default;
        return false;
    }
}
