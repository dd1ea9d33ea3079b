using Audiences.Sdk.Credits;
using Audiences.Sdk.Drafts;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Exports;
using Audiences.Sdk.InMemory.Columns;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Sync;

namespace Audiences.Sdk.InMemory;

/// <summary>The committed state of an in-memory store. Guarded by the store's lock.</summary>
internal sealed class InMemoryState
{
    public Dictionary<long, Profile> Profiles { get; } = [];

    public Dictionary<long, long> Redirects { get; } = [];

    /// <summary>Owners of each alias, oldest first; arrays are never changed in place, so readers may hold them.</summary>
    public Dictionary<AliasIndexKey, long[]> AliasOwners { get; } = [];

    public Dictionary<SourceRecordKey, long> SourceOwners { get; } = [];

    public List<MergeRecord> Merges { get; } = [];

    public List<SplitRecord> Splits { get; } = [];

    public SortedDictionary<long, MatchReview> Reviews { get; } = [];

    public Dictionary<(EntityKind Kind, string Key), FieldDefinition> Fields { get; } = [];

    public Dictionary<SourceRecordKey, RelatedRecord> Related { get; } = [];

    /// <summary>The live profiles' current values, laid out for filters; every commit writes its profiles into them (<see cref="ColumnTables.Apply"/>).</summary>
    public ColumnTables ColumnTables { get; } = new();

    /// <summary>The version-ordered log of profile changes, for change detection.</summary>
    public InMemoryChangeLog Changes { get; } = new();

    /// <summary>Sync definitions as their JSON (<see cref="SyncDefinitionJson"/>), as a persistent store keeps them; by name, ignoring case.</summary>
    public Dictionary<string, string> SyncDefinitions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The cursor of each sync's last stored batch; sync names ignore case, as definition names do.</summary>
    public Dictionary<string, string?> SyncCursors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedDictionary<long, SyncRun> SyncRuns { get; } = [];

    /// <summary>The last run id handed out; ids are never handed out again, even after a sync's runs are deleted.</summary>
    public long LastSyncRunId { get; set; }

    /// <summary>Enrichment definitions as their JSON (<see cref="EnrichmentDefinitionJson"/>); by name, ignoring case.</summary>
    public Dictionary<string, string> EnrichmentDefinitions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedDictionary<long, EnrichmentRun> EnrichmentRuns { get; } = [];

    /// <summary>The last enrichment run id handed out; never handed out again, even after the runs are deleted.</summary>
    public long LastEnrichmentRunId { get; set; }

    /// <summary>Every run's outputs, in the order they were appended: the latest look-up of a profile is the last one here.</summary>
    public List<EnrichmentRunOutput> EnrichmentOutputs { get; } = [];

    /// <summary>Signal definitions as their JSON (<see cref="SignalDefinitionJson"/>); by name, ignoring case.</summary>
    public Dictionary<string, string> SignalDefinitions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedDictionary<long, SignalRun> SignalRuns { get; } = [];

    /// <summary>The last signal run id handed out; never handed out again.</summary>
    public long LastSignalRunId { get; set; }

    /// <summary>How far each signal (by name, ignoring case) has checked each profile.</summary>
    public Dictionary<string, Dictionary<ProfileId, DateTimeOffset>> SignalChecks { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Export definitions as their JSON (<see cref="ExportDefinitionJson"/>); by name, ignoring case.</summary>
    public Dictionary<string, string> ExportDefinitions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedDictionary<long, ExportRun> ExportRuns { get; } = [];

    /// <summary>The last export run id handed out; never handed out again.</summary>
    public long LastExportRunId { get; set; }

    /// <summary>Each export's checkpoint, by its name ignoring case.</summary>
    public Dictionary<string, ExportCheckpoint> ExportCheckpoints { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each export's outcomes (by its name ignoring case), by run, in the order recorded.</summary>
    public Dictionary<string, Dictionary<long, List<ExportOutcome>>> ExportOutcomes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each export's records whose last write failed (by its name ignoring case), by profile.</summary>
    public Dictionary<string, SortedDictionary<ProfileId, ExportFailure>> ExportFailures { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedDictionary<long, Draft> Drafts { get; } = [];

    /// <summary>The records of each draft that still has them (open or committed).</summary>
    public Dictionary<long, SourceRecord[]> DraftRecords { get; } = [];

    public long LastDraftId { get; set; }

    /// <summary>The cap of each budget that has one; budget names compare ordinally and exactly.</summary>
    public Dictionary<string, decimal> CreditCaps { get; } = new(StringComparer.Ordinal);

    /// <summary>What each budget has spent, the sum of its spend entries, kept so that a reservation need not add them up.</summary>
    public Dictionary<string, decimal> CreditSpent { get; } = new(StringComparer.Ordinal);

    /// <summary>Every spend entry, oldest first.</summary>
    public List<CreditSpend> CreditSpends { get; } = [];

    /// <summary>The reservations neither settled, released nor removed as expired, by id.</summary>
    public SortedDictionary<long, CreditReservation> CreditReservations { get; } = [];

    /// <summary>The last reservation id handed out; ids are never handed out again.</summary>
    public long LastCreditReservationId { get; set; }

    public long LastVersion { get; set; }

    public long LastProfileId { get; set; }

    /// <summary>The column table of a kind, up to date with the committed profiles.</summary>
    public ColumnTable Columns(EntityKind kind) => ColumnTables.For(kind);

    /// <summary>Follows merge redirects to the final id; chains stay short because merges go to the oldest profile.</summary>
    public long Resolve(long id, IReadOnlyDictionary<long, long>? overlay = null)
    {
        while (true)
        {
            if (overlay is not null && overlay.TryGetValue(id, out var next))
            {
                // 0 marks a redirect the session removed (an undone merge).
                if (next == 0)
                {
                    return id;
                }

                id = next;
            }
            else if (Redirects.TryGetValue(id, out next))
            {
                id = next;
            }
            else
            {
                return id;
            }
        }
    }
}
