using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Warehouse.Tests.Databases;

/// <summary>A SQLite file in a folder of its own under the temporary folder, removed afterwards; timestamps are text, as SQLite keeps them.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "audiences-sql-" + Guid.NewGuid().ToString("N"));

    public SqliteTestDatabase(string timestampFormat = "yyyy-MM-dd HH:mm:ss")
    {
        Directory.CreateDirectory(_folder);
        TimestampFormat = timestampFormat;
        // No pooling, so the file is closed and can be removed when the test ends.
        ConnectionString = $"Data Source={Path.Combine(_folder, "source.db")};Pooling=False";
    }

    public string TimestampFormat { get; }

    public override DbProviderFactory Factory => SqliteFactory.Instance;

    public override string ConnectionString { get; }

    protected override (string Id, string Score, string Active, string Timestamp) PeopleTypes => ("INTEGER", "REAL", "BOOLEAN", "DATETIME");

    public override object Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public override ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
