using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.DataHub;

/// <summary>Which enrichments and signals of one kind write each field.</summary>
internal sealed class FieldWriters
{
    private readonly ILookup<string, string> _enrichments;
    private readonly ILookup<string, string> _signals;

    public FieldWriters(EntityKind kind, IEnumerable<EnrichmentDefinition> enrichments, IEnumerable<SignalDefinition> signals)
    {
        _enrichments = enrichments
            .Where(d => d.Kind == kind)
            .SelectMany(d => d.Mappings.Select(m => m.Field).Distinct(StringComparer.Ordinal).Select(field => (field, d.Name)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToLookup(p => p.field, p => p.Name, StringComparer.Ordinal);
        _signals = signals
            .Where(d => d.Kind == kind)
            .SelectMany(d => FieldsOf(d).Select(field => (field, d.Name)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToLookup(p => p.field, p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>The fields a signal writes: its flag, its details and the summary every signal writes.</summary>
    public static IReadOnlyList<string> FieldsOf(SignalDefinition signal) => [signal.Field, signal.DetailsField, SignalFields.Summary];

    public IReadOnlyList<string> EnrichmentsOf(string field) => [.. _enrichments[field]];

    public IReadOnlyList<string> SignalsOf(string field) => [.. _signals[field]];
}
