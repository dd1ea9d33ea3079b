using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv;

/// <summary>Which CSV file to read and how its columns become source records.</summary>
/// <param name="Path">The CSV file: UTF-8 with or without a byte order mark, comma-separated, with a header row.</param>
/// <param name="Kind">Whether the rows describe people or companies.</param>
public sealed record CsvSourceOptions(string Path, EntityKind Kind)
{
    private readonly string? _objectName;

    /// <summary>
    /// The source name in each record's key; null uses the file name without its extension. Set it
    /// when the same data arrives under changing file names, so re-imports update the same records.
    /// </summary>
    public string? SourceName { get; init; }

    /// <summary>
    /// The object name in each record's key. Default: <see cref="DefaultObjectName"/> of the kind, <c>people</c>
    /// or <c>companies</c>, so people and companies imported under one source name never share a key. Files
    /// imported with an earlier version, whose default was <c>rows</c>, keep updating their records with <c>rows</c>.
    /// </summary>
    public string ObjectName
    {
        get => _objectName ?? DefaultObjectName(Kind);
        init => _objectName = value;
    }

    /// <summary>
    /// The column that holds each row's external id (matched like a mapping's column). Its values
    /// must be present and unique in the file, and it is not stored as a field. Null keys rows by
    /// their data row number (1 for the first row after the header), so re-importing the same file
    /// gives the same keys, but inserting a row changes the keys of the rows after it.
    /// </summary>
    public string? IdColumn { get; init; }

    /// <summary>Explicit column to field mappings; unmapped columns use their normalized header as key.</summary>
    public IReadOnlyList<CsvColumnMapping> Mappings { get; init; } = [];

    /// <summary>
    /// The types of the fields already in the catalog, by key. A column that fills one of them is
    /// parsed as its type; a column that creates a new field gets a type inferred from its values.
    /// </summary>
    public IReadOnlyDictionary<string, FieldType>? KnownFieldTypes { get; init; }

    /// <summary>
    /// How many data rows type inference reads for columns that create new fields; null (the default)
    /// reads the whole file, stopping early once every such column has proved to be text. A smaller
    /// sample is faster on huge files but a later value that does not fit the inferred type rejects its row.
    /// </summary>
    public int? SampleRows { get; init; }

    /// <summary>When the values were observed (for example the export time); null uses the import's time.</summary>
    public DateTimeOffset? ObservedAt { get; init; }

    /// <summary>
    /// How the file's values rank in survivorship. Default <see cref="SourceKind.Csv"/>; set
    /// <see cref="SourceKind.Crm"/> for a CRM export so its values rank as the CRM's.
    /// </summary>
    public SourceKind SourceKind { get; init; } = SourceKind.Csv;

    /// <summary>The object name of a kind's rows when <see cref="ObjectName"/> is not set: <c>people</c> or <c>companies</c>.</summary>
    /// <param name="kind">The kind of the rows.</param>
    /// <returns>The object name.</returns>
    public static string DefaultObjectName(EntityKind kind) => kind == EntityKind.Company ? "companies" : "people";
}
