namespace Audiences.Sdk.Matching;

/// <summary>The outcome of normalizing one raw alias value.</summary>
/// <param name="Value">The normalized value, or null when the raw value cannot serve as an alias.</param>
/// <param name="Problem">Why the raw value cannot serve as an alias, when <paramref name="Value"/> is null.</param>
internal readonly record struct AliasNormalization(string? Value, string? Problem)
{
    /// <summary>Whether the raw value normalized to a usable alias.</summary>
    public bool IsValid => Value is not null;

    internal static AliasNormalization Valid(string value) => new(value, null);

    internal static AliasNormalization Invalid(string problem) => new(null, problem);
}
