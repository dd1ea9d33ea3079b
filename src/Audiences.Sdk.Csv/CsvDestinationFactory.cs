using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Csv;

/// <summary>
/// Creates <see cref="CsvFileDestination"/>s from settings of type <c>csv</c>: <c>path</c> (the file), <c>key-column</c>,
/// and optionally <c>columns</c> (comma-separated: the columns of a new file). Register it with <c>AddCsvDestination()</c>.
/// </summary>
public sealed class CsvDestinationFactory : IDestinationFactory
{
    /// <summary>The destination type: <c>csv</c>.</summary>
    public const string DestinationType = "csv";

    /// <inheritdoc />
    public string Type => DestinationType;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public IDestination Create(DestinationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        IReadOnlyList<string>? columns = settings["columns"] is { } text && !string.IsNullOrWhiteSpace(text)
            ? [.. text.Split(',').Select(c => c.Trim())]
            : null;
        if (columns?.Any(c => c.Length == 0) == true)
        {
            throw new ArgumentException($"The {DestinationType} destination's setting 'columns' ('{settings["columns"]}') has a blank column; separate the names by single commas.", nameof(settings));
        }

        return new CsvFileDestination(new CsvFileDestinationOptions(settings.Required("path"), settings.Required("key-column")) { Columns = columns });
    }
}
