namespace Audiences.Sdk.Sources;

/// <summary>
/// Opens sources of one type from their settings, so a sync stored in a database can be run again after a
/// restart. Source packages register one (<c>AddSqlSource()</c>, <c>AddCsvSource()</c>).
/// </summary>
public interface ISourceFactory
{
    /// <summary>The source type this factory opens, e.g. <c>sql</c>.</summary>
    string Type { get; }

    /// <summary>Opens a source.</summary>
    /// <param name="settings">The settings, of <see cref="Type"/>.</param>
    /// <returns>The source; disposable sources are disposed by the caller.</returns>
    /// <exception cref="ArgumentException">A setting is missing or not usable; the message names it.</exception>
    ISource Create(SourceSettings settings);
}
