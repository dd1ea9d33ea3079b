namespace Audiences.Sdk.Exports;

/// <summary>What became of one record in one export run.</summary>
public enum ExportOutcomeKind
{
    /// <summary>Created in the destination.</summary>
    Created = 1,

    /// <summary>Updated in the destination.</summary>
    Updated = 2,

    /// <summary>Removed from the destination.</summary>
    Removed = 3,

    /// <summary>Not sent: nothing to write by the rules, no key, or not in the destination while creating is off (<see cref="ExportOutcome.Reason"/> says which).</summary>
    Skipped = 4,

    /// <summary>Sent and refused, or not answered; <see cref="ExportOutcome.Reason"/> holds the destination's reason.</summary>
    Failed = 5,
}
