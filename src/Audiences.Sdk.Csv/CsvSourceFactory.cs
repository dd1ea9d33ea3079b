using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Csv;

/// <summary>
/// Opens CSV files for syncs: source type <c>csv</c>, settings <c>path</c> (the file) and <c>object</c> (the object's
/// name; the file name by default). Register it with <c>AddCsvSource()</c>.
/// </summary>
public sealed class CsvSourceFactory : ISourceFactory
{
    /// <summary>The source type: <c>csv</c>.</summary>
    public const string SourceType = "csv";

    /// <inheritdoc />
    public string Type => SourceType;

    /// <inheritdoc />
    public ISource Create(SourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new CsvFileSource(settings.Required("path"), settings["object"]);
    }
}
