using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>A record a run considers: a profile of the export's population, one that left its audience, or one whose failure is cleared.</summary>
/// <param name="Id">The profile's id.</param>
/// <param name="Profile">The live profile; null when it is gone.</param>
/// <param name="State">Why the run considers it.</param>
/// <param name="Failure">Its last failure in the ledger; null when its last write did not fail.</param>
internal sealed record ExportCandidate(ProfileId Id, Profile? Profile, ExportCandidateState State, ExportFailure? Failure)
{
    /// <summary>Which attempt at the record's write this run makes: on from a failure still being retried, else the first.</summary>
    public int Attempt => Failure is { RetryAt: not null } failure ? failure.Attempts + 1 : 1;
}
