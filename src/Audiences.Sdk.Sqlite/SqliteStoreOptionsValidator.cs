using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Sqlite;

/// <summary>Checks <see cref="SqliteStoreOptions"/> and says what to change.</summary>
internal sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateConnectionString(options.ConnectionString, failures);
        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout > SqliteStoreOptions.MaxBusyTimeout)
        {
            failures.Add($"SqliteStoreOptions.BusyTimeout is {options.BusyTimeout}; set it above zero and at most {SqliteStoreOptions.MaxBusyTimeout} (the default is 30 seconds).");
        }

        if (options.MaxWriteAheadLogBytes < SqliteStoreOptions.MinWriteAheadLogBytes)
        {
            failures.Add($"SqliteStoreOptions.MaxWriteAheadLogBytes is {options.MaxWriteAheadLogBytes}; set it to at least {SqliteStoreOptions.MinWriteAheadLogBytes} (1 MiB; the default is 256 MiB).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateConnectionString(string? connectionString, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add("SqliteStoreOptions.ConnectionString is empty; set it to e.g. \"Data Source=audiences.db\" (a file, created when missing) or \"Data Source=:memory:\".");
            return;
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            failures.Add($"SqliteStoreOptions.ConnectionString '{connectionString}' is not a valid SQLite connection string ({ex.Message}); use e.g. \"Data Source=audiences.db\".");
            return;
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory)
        {
            failures.Add($"SqliteStoreOptions.ConnectionString '{connectionString}' names no database; add a data source, e.g. \"Data Source=audiences.db\" or \"Data Source=:memory:\".");
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            failures.Add($"SqliteStoreOptions.ConnectionString '{connectionString}' opens the database read-only, but the store writes to it; remove \"Mode=ReadOnly\".");
        }

        if (builder.Cache == SqliteCacheMode.Shared)
        {
            failures.Add($"SqliteStoreOptions.ConnectionString '{connectionString}' uses a shared cache, which would let readers see uncommitted batches or block behind the writer; remove \"Cache=Shared\".");
        }
    }
}
