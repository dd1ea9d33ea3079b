namespace Audiences.Sdk.Scale;

/// <summary>Everything one scale run measured, for <see cref="MarkdownReport"/>.</summary>
internal sealed class ScaleReport(ScaleOptions options)
{
    public ScaleOptions Options { get; } = options;

    /// <summary>Average size of the ten values of a generated row, in UTF-8 bytes.</summary>
    public double FieldBytesPerRow { get; set; }

    /// <summary>Average size of a generated row as a CSV line (the id, the ten values, separators, line break).</summary>
    public double CsvBytesPerRow { get; set; }

    /// <summary>The raw SQLite insert of all rows: the reference of the import figures.</summary>
    public Measurement? RawInsert { get; set; }

    /// <summary>The import of all rows, per store.</summary>
    public List<(string Store, Measurement Import, long? DiskBytes)> Imports { get; } = [];

    /// <summary>The raw SQLite insert of the re-import rows: the second reference of the re-import figures.</summary>
    public Measurement? RawReinsert { get; set; }

    /// <summary>The first import and the unchanged re-import of the same rows, per store.</summary>
    public List<(string Store, Measurement First, Measurement Again)> Reimports { get; } = [];

    public MemoryFigure? Memory { get; set; }

    public List<CsvFigure> Csv { get; } = [];

    public List<StoreBreakdown> Breakdowns { get; } = [];
}
