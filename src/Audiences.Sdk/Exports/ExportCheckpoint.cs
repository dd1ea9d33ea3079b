namespace Audiences.Sdk.Exports;

/// <summary>Where an export's last successful run read up to: later runs send only what changed after it.</summary>
/// <param name="Export">The export's name.</param>
/// <param name="ProfileVersion">The profile store's change version the run read up to.</param>
/// <param name="MembershipSequence">The membership change feed's sequence the run read up to.</param>
/// <param name="Fingerprint">What the export sent by (its mappings, key and switches); a different one makes the next run full.</param>
/// <param name="At">When the run that set it started.</param>
public sealed record ExportCheckpoint(string Export, long ProfileVersion, long MembershipSequence, string Fingerprint, DateTimeOffset At);
