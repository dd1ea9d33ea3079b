using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Exports;

/// <summary>
/// What an export sends where: the profiles of an audience (or every profile of a kind), their fields and segment
/// membership mapped to a destination's fields under write rules, how records are found there, and when it runs.
/// </summary>
/// <param name="Name">Its unique name (compared ignoring case); runs, checkpoints and outcomes are kept under it.</param>
/// <param name="Kind">People or companies.</param>
/// <param name="Destination">The destination's type and settings.</param>
public sealed record ExportDefinition(string Name, EntityKind Kind, DestinationSettings Destination)
{
    /// <summary>The audience whose members are exported; null exports every profile of <see cref="Kind"/> that has a key.</summary>
    public long? Audience { get; init; }

    /// <summary>Profile fields mapped to destination fields, each with its rule.</summary>
    public IReadOnlyList<ExportMapping> Mappings { get; init; } = [];

    /// <summary>Segment membership mapped to destination fields.</summary>
    public IReadOnlyList<MembershipMapping> Membership { get; init; } = [];

    /// <summary>The profile field holding the record's key in the destination (its <see cref="DestinationDescription.KeyField"/>); <c>email</c> unless named.</summary>
    public string KeyField { get; init; } = "email";

    /// <summary>
    /// When set, the key is instead the external id of the profile's source record from this source (the id the
    /// destination system gave it, e.g. a CRM's record id), so records found there are the ones imported from it: the
    /// oldest record of the destination's object when the profile holds one (a converted lead's contact), else the oldest.
    /// </summary>
    public string? KeySource { get; init; }

    /// <summary>Whether records the destination does not hold are created; off by default: only records that exist are updated.</summary>
    public bool CreateNew { get; init; }

    /// <summary>Whether records that leave <see cref="Audience"/> are removed from the destination (it must be able to remove); off by default.</summary>
    public bool RemoveOnExit { get; init; }

    /// <summary>How often it runs on its own; null runs it only by hand. Every 24 hours unless set.</summary>
    public TimeSpan? Every { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How many times a record's write is tried in all before the export gives up on it (until it changes again).</summary>
    public int MaxAttempts { get; init; } = 5;
}
