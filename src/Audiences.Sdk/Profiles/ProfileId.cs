using System.Globalization;

namespace Audiences.Sdk.Profiles;

/// <summary>
/// The stable id of a profile. Ids grow with creation order, so the smaller of two ids belongs
/// to the older profile; a merged profile's id keeps resolving to its survivor.
/// </summary>
/// <param name="Value">The positive number behind the id.</param>
public readonly record struct ProfileId(long Value) : IComparable<ProfileId>
{
    /// <inheritdoc />
    public int CompareTo(ProfileId other) => Value.CompareTo(other.Value);

    /// <summary>Parses the text form written by <see cref="ToString"/>.</summary>
    /// <param name="text">A positive whole number.</param>
    /// <param name="id">The parsed id.</param>
    /// <returns>Whether the text is a valid id.</returns>
    public static bool TryParse(string? text, out ProfileId id)
    {
        var ok = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0;
        id = ok ? new ProfileId(value) : default;
        return ok;
    }

    /// <summary>The id as invariant digits.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="left"/> is older than <paramref name="right"/>.</summary>
    public static bool operator <(ProfileId left, ProfileId right) => left.Value < right.Value;

    /// <summary>Whether <paramref name="left"/> is newer than <paramref name="right"/>.</summary>
    public static bool operator >(ProfileId left, ProfileId right) => left.Value > right.Value;

    /// <summary>Whether <paramref name="left"/> is older than or the same as <paramref name="right"/>.</summary>
    public static bool operator <=(ProfileId left, ProfileId right) => left.Value <= right.Value;

    /// <summary>Whether <paramref name="left"/> is newer than or the same as <paramref name="right"/>.</summary>
    public static bool operator >=(ProfileId left, ProfileId right) => left.Value >= right.Value;
}
