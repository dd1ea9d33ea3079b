using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.DataHub;

/// <summary>Reads the hub's figures from the profile, enrichment and signal services and edits fields in the store's catalog.</summary>
internal sealed class DataHubService(
    IProfileService profiles,
    IProfileStore store,
    IFieldCatalog catalog,
    IAudienceService audiences,
    IEnrichmentService? enrichments,
    ISignalService? signals) : IDataHubService
{
    private static readonly EntityKind[] Kinds = [EntityKind.Person, EntityKind.Company];

    public async Task<DataHubOverview> GetOverviewAsync(CancellationToken cancellationToken = default)
    {
        var people = await profiles.CountAsync(EntityKind.Person, cancellationToken).ConfigureAwait(false);
        var companies = await profiles.CountAsync(EntityKind.Company, cancellationToken).ConfigureAwait(false);
        var personFields = await catalog.GetFieldsAsync(EntityKind.Person, cancellationToken).ConfigureAwait(false);
        var companyFields = await catalog.GetFieldsAsync(EntityKind.Company, cancellationToken).ConfigureAwait(false);
        var enrichmentCount = (await ListEnrichmentDefinitionsAsync(cancellationToken).ConfigureAwait(false)).Count;
        var signalCount = (await ListSignalDefinitionsAsync(cancellationToken).ConfigureAwait(false)).Count;
        return new DataHubOverview(people, companies, personFields.Count, companyFields.Count, enrichmentCount, signalCount);
    }

    public async Task<IReadOnlyList<DataHubField>> ListFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default)
    {
        CheckKind(kind);
        var statistics = await profiles.GetFieldStatisticsAsync(kind, cancellationToken).ConfigureAwait(false);
        var writers = new FieldWriters(
            kind,
            await ListEnrichmentDefinitionsAsync(cancellationToken).ConfigureAwait(false),
            await ListSignalDefinitionsAsync(cancellationToken).ConfigureAwait(false));
        return [.. statistics.Select(s => new DataHubField(s.Field, s.FilledCount, s.ProfileCount)
        {
            Enrichments = writers.EnrichmentsOf(s.Field.Key),
            Signals = writers.SignalsOf(s.Field.Key),
        })];
    }

    public async Task<IReadOnlyList<DataHubEnrichment>> ListEnrichmentsAsync(CancellationToken cancellationToken = default)
    {
        if (enrichments is null)
        {
            return [];
        }

        var names = new AudienceNames(audiences);
        var result = new List<DataHubEnrichment>();
        foreach (var definition in await ListEnrichmentDefinitionsAsync(cancellationToken).ConfigureAwait(false))
        {
            var budget = await enrichments.GetBudgetAsync(definition.Name, cancellationToken).ConfigureAwait(false);
            var runs = await enrichments.ListRunsAsync(definition.Name, 1, cancellationToken).ConfigureAwait(false);
            result.Add(new DataHubEnrichment(definition, budget, runs.Count == 0 ? null : runs[0])
            {
                Audiences = await names.ResolveAsync(definition.Audiences, cancellationToken).ConfigureAwait(false),
                Fields = [.. definition.Mappings.Select(m => m.Field).Distinct(StringComparer.Ordinal)],
            });
        }

        return result;
    }

    public async Task<IReadOnlyList<DataHubSignal>> ListSignalsAsync(CancellationToken cancellationToken = default)
    {
        if (signals is null)
        {
            return [];
        }

        var names = new AudienceNames(audiences);
        var result = new List<DataHubSignal>();
        foreach (var definition in await ListSignalDefinitionsAsync(cancellationToken).ConfigureAwait(false))
        {
            var budget = await signals.GetBudgetAsync(definition.Name, cancellationToken).ConfigureAwait(false);
            var runs = await signals.ListRunsAsync(definition.Name, 1, cancellationToken).ConfigureAwait(false);
            result.Add(new DataHubSignal(definition, budget, runs.Count == 0 ? null : runs[0])
            {
                Audiences = await names.ResolveAsync(definition.Audiences, cancellationToken).ConfigureAwait(false),
                Fields = FieldWriters.FieldsOf(definition),
            });
        }

        return result;
    }

    public async Task<FieldDefinition> EditFieldAsync(EntityKind kind, string key, FieldEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(edit);
        CheckKind(kind);
        FieldEditRules.Check(edit);

        var session = await store.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            // Read inside the session: no other writer can change the field between the read and the write.
            var fields = await catalog.GetFieldsAsync(kind, cancellationToken).ConfigureAwait(false);
            var field = fields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal))
                ?? throw new KeyNotFoundException($"There is no {EntityKindText.Word(kind)} field '{key}'; list the fields with ListFieldsAsync({kind}).");
            var edited = FieldEditRules.Apply(field, edit);
            await catalog.UpsertFieldAsync(session, edited, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return edited;
        }
    }

    private static void CheckKind(EntityKind kind)
    {
        if (!Kinds.Contains(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The kind is neither Person nor Company.");
        }
    }

    private async Task<IReadOnlyList<EnrichmentDefinition>> ListEnrichmentDefinitionsAsync(CancellationToken cancellationToken) =>
        enrichments is null
            ? []
            : [.. (await enrichments.ListAsync(cancellationToken).ConfigureAwait(false)).OrderBy(d => d.Name, StringComparer.Ordinal)];

    private async Task<IReadOnlyList<SignalDefinition>> ListSignalDefinitionsAsync(CancellationToken cancellationToken) =>
        signals is null
            ? []
            : [.. (await signals.ListAsync(cancellationToken).ConfigureAwait(false)).OrderBy(d => d.Name, StringComparer.Ordinal)];
}
