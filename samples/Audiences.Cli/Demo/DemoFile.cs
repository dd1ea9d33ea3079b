using Audiences.Sdk.Csv;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Demo;

/// <summary>One bundled sample file and how the demo imports it.</summary>
/// <param name="FileName">The file in the SampleData folder.</param>
/// <param name="Kind">People or companies.</param>
/// <param name="Description">What the file stands for, for the summary.</param>
/// <param name="ObservedAt">When the source exported it: with every file a CSV source, the most recent observation wins a field.</param>
internal sealed record DemoFile(string FileName, EntityKind Kind, string Description, DateTimeOffset ObservedAt)
{
    /// <summary>The column with each row's id; null keys rows by row number.</summary>
    public string? IdColumn { get; init; }

    /// <summary>The <c>column=field[:type]</c> mappings the demo passes, as --map would.</summary>
    public IReadOnlyList<string> Mappings { get; init; } = [];

    public string SourceName => Path.GetFileNameWithoutExtension(FileName);

    public CsvSourceOptions ToSourceOptions(string folder) => new(Path.Combine(folder, FileName), Kind)
    {
        IdColumn = IdColumn,
        Mappings = Mappings.Select(CsvColumnMapping.Parse).ToList(),
        ObservedAt = ObservedAt,
    };
}
