using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv;

/// <summary>Imports CSV files through an <see cref="IProfileService"/>.</summary>
public static class CsvProfileServiceExtensions
{
    /// <summary>
    /// Imports a CSV file: checks the file, reads the field catalog (unless
    /// <see cref="CsvSourceOptions.KnownFieldTypes"/> is given) so columns of existing fields are parsed
    /// as their types, then imports the rows. Malformed rows are rejected and reported in the result.
    /// </summary>
    /// <param name="profiles">The profile service.</param>
    /// <param name="source">The file and how its columns become fields.</param>
    /// <param name="import">How to match and store the records; null matches on the kind's default alias fields.</param>
    /// <param name="progress">Receives counts after each committed batch.</param>
    /// <param name="cancellationToken">Stops the import between batches; committed batches stay.</param>
    /// <returns>What the import did.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profiles"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid, or <paramref name="import"/> is for another kind than <paramref name="source"/>.</exception>
    /// <exception cref="CsvSourceException">
    /// The file is missing, empty or has no usable header, or the options name a column it lacks; thrown
    /// before the store is read or written.
    /// </exception>
    /// <exception cref="OperationCanceledException">The import was cancelled; every batch before it is stored whole.</exception>
    public static async Task<ImportResult> ImportCsvAsync(
        this IProfileService profiles,
        CsvSourceOptions source,
        ImportOptions? import = null,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(source);
        if (import is not null && import.Kind != source.Kind)
        {
            throw new ArgumentException($"The import is for {Word(import.Kind)} records but the CSV source reads {Word(source.Kind)} records; use the same kind.", nameof(import));
        }

        var csv = new CsvSource(source);
        await csv.CheckAsync(cancellationToken).ConfigureAwait(false);
        if (source.KnownFieldTypes is null)
        {
            var fields = await profiles.GetFieldsAsync(source.Kind, cancellationToken).ConfigureAwait(false);
            var known = fields.ToDictionary(f => f.Key, f => f.Type, StringComparer.Ordinal);
            csv = new CsvSource(source with { KnownFieldTypes = known });
        }

        return await profiles.ImportAsync(csv.ReadAsync(cancellationToken), import ?? new ImportOptions(source.Kind), progress, cancellationToken)
            .ConfigureAwait(false);
    }

    // The kind as a user types it, as the core SDK's messages print kinds (its helper is internal to it).
    private static string Word(EntityKind kind) => kind switch
    {
        EntityKind.Person => "person",
        EntityKind.Company => "company",
        _ => kind.ToString(),
    };
}
