namespace Audiences.Samples.Worker.Configuration;

/// <summary>One entry of <c>Audiences:Syncs</c>: a sync as configuration spells it, read into a definition by <see cref="SyncSettingsReader"/>.</summary>
internal sealed class SyncSettings
{
    /// <summary>The sync's name, unique among the syncs. Required.</summary>
    public string? Name { get; set; }

    /// <summary>The source type: <c>sql</c> or <c>csv</c>. Required.</summary>
    public string? SourceType { get; set; }

    /// <summary>The source's settings (<c>provider</c>, <c>connection</c>, <c>query</c> or <c>path</c>, …); names are stored lower-cased.</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The source object to read; default the <c>object</c> setting, else the sync's name.</summary>
    public string? Object { get; set; }

    /// <summary>The field that identifies a record. Required.</summary>
    public string? IdField { get; set; }

    /// <summary>The field that says when a record changed; without it every run reads in full.</summary>
    public string? TimestampField { get; set; }

    /// <summary><c>person</c> (default) or <c>company</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>The source name in each record's key; default the sync's name.</summary>
    public string? SourceName { get; set; }

    /// <summary>How the values rank in survivorship (<c>warehouse</c>, <c>csv</c>, <c>crm</c>, …); default <c>csv</c> for files, else <c>warehouse</c>.</summary>
    public string? SourceKind { get; set; }

    /// <summary>Mappings written <c>column=field</c>, <c>column=field:type</c>, or <c>column=</c> to leave a column out.</summary>
    public IList<string> Mappings { get; } = [];

    /// <summary>The alias fields records match on; empty uses the kind's defaults.</summary>
    public IList<string> MatchOn { get; } = [];

    /// <summary>When the sync runs; empty uses the defaults of <see cref="SyncSettingsReader"/>.</summary>
    public ScheduleSettings Schedule { get; } = new();
}
