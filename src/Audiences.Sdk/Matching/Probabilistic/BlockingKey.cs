namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>One field of a <see cref="BlockingRule"/> and how much of its value must agree.</summary>
/// <param name="Field">The field of the record table.</param>
/// <param name="Kind">The whole value, a prefix or a phonetic code.</param>
/// <param name="Length">For <see cref="BlockingKeyKind.Prefix"/>: the number of leading characters (at least 1); otherwise 0.</param>
public sealed record BlockingKey(string Field, BlockingKeyKind Kind = BlockingKeyKind.Exact, int Length = 0)
{
    /// <summary>The key in rule notation: <c>surname</c>, <c>prefix(surname, 3)</c>, <c>soundex(surname)</c>.</summary>
    public override string ToString() => Kind switch
    {
        BlockingKeyKind.Prefix => $"prefix({Field}, {Length})",
        BlockingKeyKind.Soundex => $"soundex({Field})",
        BlockingKeyKind.LocalPart => $"local_part({Field})",
        _ => Field,
    };

    /// <summary>The part of a normalized value this key compares.</summary>
    internal string Transform(string value) => Kind switch
    {
        BlockingKeyKind.Prefix => value.Length <= Length ? value : value[..Length],
        BlockingKeyKind.Soundex => Probabilistic.Soundex.Encode(value),
        BlockingKeyKind.LocalPart => value.LastIndexOf('@') is > 0 and var at ? value[..at] : value,
        _ => value,
    };
}
