using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Matching;

/// <summary>One step of a match explanation: two source records of a profile that share an alias.</summary>
/// <param name="From">The record already explained.</param>
/// <param name="To">The record this step joins.</param>
/// <param name="Alias">The alias both records carry (for a converted lead, the record it was converted into).</param>
public sealed record MatchLink(SourceRecordKey From, SourceRecordKey To, AliasKey Alias)
{
    /// <inheritdoc />
    public override string ToString() => Alias.Field == AliasFields.ConvertedRecord
        ? $"{To} joined {From}: one was converted into the other"
        : $"{To} joined {From}: both carry {Alias.Field} '{Alias.Value}'";
}
