namespace Audiences.Sdk.Profiles;

/// <summary>
/// Per-field overrides of the default survivorship order: for a field, the sources (by source
/// name) whose non-empty value wins first, in order; sources not listed follow in the default order.
/// Rules apply whenever a profile's values are derived, that is when one of its records changes.
/// </summary>
public sealed class SurvivorshipRules
{
    /// <summary>Field key → source names, most trusted first (e.g. <c>["title"] = ["hr_system", "salesforce"]</c>).</summary>
    public IDictionary<string, IReadOnlyList<string>> FieldSourcePriority { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
}
