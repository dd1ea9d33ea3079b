using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>
/// How one node of an audience's criteria came out for one record: the node in the text syntax,
/// whether it held and, for a group, not or quantifier, the outcomes of its parts.
/// </summary>
/// <param name="Text">The node in the filter text syntax, e.g. <c>title contains "VP"</c>.</param>
/// <param name="Held">Whether the node is true for the record.</param>
/// <param name="Children">The outcomes of the node's parts (for a quantifier: of its inner filter for each related record); empty for a condition.</param>
public sealed record FilterOutcome(string Text, bool Held, IReadOnlyList<FilterOutcome> Children)
{
    /// <summary>For a condition, the record's value of its field (empty when the record has none); null for other nodes.</summary>
    public FieldValue? Actual { get; init; }

    /// <summary>Whether this node is a single condition.</summary>
    public bool IsCondition => Actual is not null;

    /// <summary>The conditions under this node (itself when it is one), in the order they are written.</summary>
    public IEnumerable<FilterOutcome> Conditions() => IsCondition ? [this] : Children.SelectMany(c => c.Conditions());
}
