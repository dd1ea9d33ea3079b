namespace Audiences.Sdk.Exports.Engine;

/// <summary>Why a run considers a record.</summary>
internal enum ExportCandidateState
{
    /// <summary>It belongs to the export's population: a member of its audience, or any profile of its kind.</summary>
    Member = 1,

    /// <summary>It left the export's audience since the checkpoint (or its last write, which failed).</summary>
    Left = 2,

    /// <summary>It is exported no more (merged away, or never a member) but its failure is in the ledger: the run clears it.</summary>
    Gone = 3,
}
