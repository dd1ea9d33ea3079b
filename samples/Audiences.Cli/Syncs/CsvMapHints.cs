using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Cli.Syncs;

/// <summary>
/// The <c>--map</c> options that make <c>import csv</c> land a file's columns where a sync's proposed mapping lands them:
/// <c>import csv</c> keys a column by its header alone, while the sync engine also knows synonyms (<c>E-mail Address</c> → <c>email</c>).
/// </summary>
internal static class CsvMapHints
{
    public static IReadOnlyList<string> From(IReadOnlyList<MappingProposal> mapping) =>
        mapping
            .Where(m => m.Field is not null && m.Reason is not ("id" or "generated") && !string.Equals(FieldKey.FromHeader(m.SourceField), m.Field, StringComparison.Ordinal))
            .Select(m => new FieldMapping(m.SourceField, m.Field).ToString())
            .ToList();
}
