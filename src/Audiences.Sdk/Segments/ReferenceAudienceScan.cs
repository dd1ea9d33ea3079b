using System.Runtime.CompilerServices;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Segments;

/// <summary>The reference full evaluation: reads every profile of the kind and runs the <see cref="FilterEvaluator"/> on it.</summary>
internal sealed class ReferenceAudienceScan(IProfileStore store, ProfileRecords records, FilterEvaluator evaluator) : IAudienceScan
{
    public async IAsyncEnumerable<(ProfileId Id, long Version)> MatchingAsync(
        CompiledAudience audience, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var profile in store.ListProfilesAsync(audience.Audience.Kind, cancellationToken).ConfigureAwait(false))
        {
            var record = await records.ForAsync(profile, audience.ReadsCompany, audience.ReadsRelated, cancellationToken).ConfigureAwait(false);
            if (evaluator.Matches(audience.Filter, record))
            {
                yield return (profile.Id, profile.Version);
            }
        }
    }
}
