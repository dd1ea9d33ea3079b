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
        CheckKinds(source, import);
        return await ImportAsync(profiles, new CsvSource(source), import, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Imports CSV read from a stream, such as standard input, as <see cref="ImportCsvAsync(IProfileService, CsvSourceOptions, ImportOptions?, IProgress{ImportProgress}?, CancellationToken)"/>
    /// imports a file. The stream is read once, to its end, into a temporary file that is deleted when the
    /// import ends, since the rows are read more than once (to check the header, to infer the types of new
    /// fields, to import them); a pipe can be read only once.
    /// </summary>
    /// <param name="profiles">The profile service.</param>
    /// <param name="input">The CSV text, UTF-8 with or without a byte order mark; it is read to its end and left open.</param>
    /// <param name="source">
    /// How the columns become fields. Its <see cref="CsvSourceOptions.Path"/> names the input in messages (for
    /// example <c>stdin</c>) and, unless <see cref="CsvSourceOptions.SourceName"/> is set, gives the source name;
    /// no file of that name is read.
    /// </param>
    /// <param name="import">How to match and store the records; null matches on the kind's default alias fields.</param>
    /// <param name="progress">Receives counts after each committed batch.</param>
    /// <param name="cancellationToken">Stops reading the input, or the import between batches; committed batches stay.</param>
    /// <returns>What the import did.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profiles"/>, <paramref name="input"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid, or <paramref name="import"/> is for another kind than <paramref name="source"/>.</exception>
    /// <exception cref="CsvSourceException">The input is empty or has no usable header, or the options name a column it lacks.</exception>
    /// <exception cref="IOException">The temporary file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">The import was cancelled; every batch before it is stored whole.</exception>
    public static async Task<ImportResult> ImportCsvAsync(
        this IProfileService profiles,
        Stream input,
        CsvSourceOptions source,
        ImportOptions? import = null,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(source);
        CheckKinds(source, import);

        // Checked before the input is read, so bad options do not wait for a pipe to end.
        _ = new CsvSource(source);
        var spool = await CsvSpool.CreateAsync(input, cancellationToken).ConfigureAwait(false);
        await using (spool.ConfigureAwait(false))
        {
            return await ImportAsync(profiles, new CsvSource(source, spool.Path), import, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ImportResult> ImportAsync(
        IProfileService profiles, CsvSource csv, ImportOptions? import, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await csv.CheckAsync(cancellationToken).ConfigureAwait(false);
        var source = csv.Options;
        if (source.KnownFieldTypes is null)
        {
            var fields = await profiles.GetFieldsAsync(source.Kind, cancellationToken).ConfigureAwait(false);
            var known = fields.ToDictionary(f => f.Key, f => f.Type, StringComparer.Ordinal);
            csv = csv.With(source with { KnownFieldTypes = known });
        }

        return await profiles.ImportAsync(csv.ReadAsync(cancellationToken), import ?? new ImportOptions(source.Kind), progress, cancellationToken)
            .ConfigureAwait(false);
    }

    private static void CheckKinds(CsvSourceOptions source, ImportOptions? import)
    {
        if (import is not null && import.Kind != source.Kind)
        {
            throw new ArgumentException($"The import is for {Word(import.Kind)} records but the CSV source reads {Word(source.Kind)} records; use the same kind.", nameof(import));
        }
    }

    // The kind as a user types it, as the core SDK's messages print kinds (its helper is internal to it).
    private static string Word(EntityKind kind) => kind switch
    {
        EntityKind.Person => "person",
        EntityKind.Company => "company",
        _ => kind.ToString(),
    };
}
