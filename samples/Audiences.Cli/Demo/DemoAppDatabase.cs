using Microsoft.Data.Sqlite;

namespace Audiences.Cli.Demo;

/// <summary>
/// A small SQLite "app database" beside demo.db: the product's <c>users</c> table, keyed by email, holding three of the
/// audience's people with some cells filled by the product's own users — so the write plan of an export to it shows
/// values it will write, values its rules keep (never, if empty), records unchanged and records it would create.
/// </summary>
internal static class DemoAppDatabase
{
    public const string FileName = "demo_app.db";
    public const string Table = "users";
    public const string KeyColumn = "email";

    // (email, first name, job title, phone, lifecycle): Priya's title is the product's own and her phone is empty; Sofia's
    // phone was typed in the product and her lifecycle is behind the CRM's; Carmen's row already says what the CRM says.
    private static readonly (string Email, string? First, string? Title, string? Phone, string? Lifecycle)[] Users =
    [
        ("priya.raman@brightlane.io", "Priya", "Engineering lead", null, "customer"),
        ("sofia@quillsoft.dev", "Sofia", "CEO", "+1 971 555 0000", "lead"),
        ("carmen.ruiz@copperleaf.ai", "Carmen", "Head of Product", null, "opportunity"),
    ];

    /// <summary>Creates the file afresh, and returns its path.</summary>
    public static async Task<string> CreateAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        DemoDatabase.Delete(path);

        // No pooling, so the file is closed when the demo is done with it and can be deleted by the next run.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE {Table} ({KeyColumn} TEXT PRIMARY KEY, first_name TEXT, job_title TEXT, phone TEXT, lifecycle TEXT)";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var user in Users)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO {Table} VALUES ($email, $first, $title, $phone, $lifecycle)";
            insert.Parameters.AddWithValue("$email", user.Email);
            insert.Parameters.AddWithValue("$first", (object?)user.First ?? DBNull.Value);
            insert.Parameters.AddWithValue("$title", (object?)user.Title ?? DBNull.Value);
            insert.Parameters.AddWithValue("$phone", (object?)user.Phone ?? DBNull.Value);
            insert.Parameters.AddWithValue("$lifecycle", (object?)user.Lifecycle ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return path;
    }
}
