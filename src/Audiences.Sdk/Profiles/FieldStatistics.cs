namespace Audiences.Sdk.Profiles;

/// <summary>A catalog field with how many profiles of its kind have a current value for it.</summary>
/// <param name="Field">The field definition.</param>
/// <param name="FilledCount">Profiles whose current value of the field is not empty.</param>
/// <param name="ProfileCount">All profiles of the field's kind.</param>
public sealed record FieldStatistics(FieldDefinition Field, long FilledCount, long ProfileCount)
{
    /// <summary>The share of profiles with a value, from 0 to 1 (0 when there are no profiles).</summary>
    public double FillRate => ProfileCount == 0 ? 0 : (double)FilledCount / ProfileCount;
}
