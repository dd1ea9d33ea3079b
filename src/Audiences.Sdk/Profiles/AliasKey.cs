namespace Audiences.Sdk.Profiles;

/// <summary>A normalized identifier a profile is matched on, such as an email or a domain.</summary>
/// <param name="Field">The alias field: <c>email</c>, <c>linkedin_url</c>, <c>domain</c>, …</param>
/// <param name="Value">The normalized value (see <see cref="Matching.AliasNormalizer"/>).</param>
public readonly record struct AliasKey(string Field, string Value)
{
    /// <summary>Formats the alias as <c>field=value</c>.</summary>
    public override string ToString() => $"{Field}={Value}";
}
