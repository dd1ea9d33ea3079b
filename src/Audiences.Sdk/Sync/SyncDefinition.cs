using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Sync;

/// <summary>
/// A configured import: which source object to read, how its fields map onto profile fields, how its records
/// match, and when it runs. Syncs are kept by the store and run by hand or on their schedule.
/// </summary>
/// <param name="Name">The sync's name, unique in the workspace.</param>
/// <param name="Source">How to open the source (its type and settings).</param>
/// <param name="ObjectName">The source object to read.</param>
/// <param name="IdField">The source field that identifies a record: re-reading a record updates it.</param>
public sealed record SyncDefinition(string Name, SourceSettings Source, string ObjectName, string IdField)
{
    /// <summary>The kind of the profiles the records describe. Default person.</summary>
    public EntityKind Kind { get; init; } = EntityKind.Person;

    /// <summary>When set, the records are related records (deals, opportunities) of owners of another kind, not profiles.</summary>
    public RelatedTarget? Related { get; init; }

    /// <summary>Explicit mappings; a source field without one lands on its name as a field key (<c>Job Title</c> → <c>job_title</c>).</summary>
    public IReadOnlyList<FieldMapping> Mappings { get; init; } = [];

    /// <summary>The alias fields records match on; null uses the kind's defaults (email and LinkedIn URL, or domain).</summary>
    public IReadOnlyList<string>? MatchOn { get; init; }

    /// <summary>The source field that says when a record last changed; without it every run reads in full.</summary>
    public string? TimestampField { get; init; }

    /// <summary>The source name in each record's key; null uses <see cref="Name"/>.</summary>
    public string? SourceName { get; init; }

    /// <summary>How the values rank in survivorship. Default <see cref="Profiles.SourceKind.Warehouse"/>.</summary>
    public SourceKind SourceKind { get; init; } = SourceKind.Warehouse;

    /// <summary>When the sync runs on its own; <see cref="SyncSchedule.Manual"/> by default.</summary>
    public SyncSchedule Schedule { get; init; } = SyncSchedule.Manual;

    /// <summary>For CRM objects: also import their activities (tasks, events) as related records. Sources without activities ignore it.</summary>
    public bool ImportActivities { get; init; }

    /// <summary>
    /// Records per atomic batch, and per read from the source: a run stores each batch with its cursor, so a failed
    /// run repeats at most one. Null uses <c>AudiencesOptions.ImportBatchSize</c>.
    /// </summary>
    public int? BatchSize { get; init; }

    /// <summary>
    /// Probabilistic matching after each run that succeeds, for records that share no alias: the records the run
    /// read are compared over these fields (see <see cref="Matching.Probabilistic.ProbabilisticMatchingOptions.ForFields"/>)
    /// with every stored record of the kind; likely pairs merge, possible ones are queued for review. Null for none.
    /// </summary>
    public IReadOnlyList<string>? FuzzyFields { get; init; }

    /// <summary>The source name used in record keys.</summary>
    public string EffectiveSourceName => SourceName ?? Name;
}
