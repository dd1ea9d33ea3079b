using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Audiences.Cli.Demo;

/// <summary>
/// A small SQLite "warehouse" beside demo.db: the product's sign-ups, each with an <c>updated_at</c> the product sets
/// whenever a row changes. Three sign-ups are CRM contacts (they join their profiles by email), three are new people.
/// </summary>
internal static class DemoWarehouse
{
    public const string FileName = "demo_warehouse.db";
    public const string Query = "SELECT id, email, first_name, last_name, plan, seats, updated_at FROM signups";

    // (id, email, first name, last name, plan, seats, days before now it last changed)
    private static readonly (int Id, string Email, string First, string Last, string Plan, int Seats, int DaysAgo)[] SignUps =
    [
        (1, "priya.raman@brightlane.io", "Priya", "Raman", "team", 12, 30),
        (2, "sofia@quillsoft.dev", "Sofia", "Lindqvist", "business", 40, 21),
        (3, "robert.chen@brightlane.io", "Robert", "Chen", "free", 1, 14),
        (4, "lena.moreau@atelier-nord.fr", "Lena", "Moreau", "free", 1, 9),
        (5, "yusuf.demir@packwise.io", "Yusuf", "Demir", "team", 5, 5),
        (6, "kofi.boateng@grainline.co", "Kofi", "Boateng", "free", 1, 2),
    ];

    /// <summary>The rows <see cref="ChangeAsync"/> upgrades, by id.</summary>
    public static IReadOnlyList<int> Upgraded { get; } = [3, 4];

    /// <summary>Creates the file afresh, and returns its path.</summary>
    public static async Task<string> CreateAsync(string folder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        DemoDatabase.Delete(path);
        await using var connection = await OpenAsync(path, cancellationToken);
        await ExecuteAsync(
            connection,
            "CREATE TABLE signups (id INTEGER PRIMARY KEY, email TEXT NOT NULL, first_name TEXT, last_name TEXT, plan TEXT, seats INTEGER, updated_at DATETIME NOT NULL)",
            cancellationToken);
        foreach (var row in SignUps)
        {
            await ExecuteAsync(
                connection,
                "INSERT INTO signups VALUES ($id, $email, $first, $last, $plan, $seats, $at)",
                cancellationToken,
                ("$id", row.Id), ("$email", row.Email), ("$first", row.First), ("$last", row.Last), ("$plan", row.Plan), ("$seats", row.Seats), ("$at", Stamp(now.AddDays(-row.DaysAgo))));
        }

        return path;
    }

    /// <summary>Two sign-ups move to a paid plan, stamped <paramref name="now"/> as the product would stamp them.</summary>
    public static async Task ChangeAsync(string path, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(path, cancellationToken);
        foreach (var id in Upgraded)
        {
            await ExecuteAsync(connection, "UPDATE signups SET plan = 'team', seats = seats + 4, updated_at = $at WHERE id = $id", cancellationToken, ("$id", id), ("$at", Stamp(now)));
        }
    }

    // SQLite keeps date-times as text; one layout, to the second, is what the SQL source compares.
    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static async Task<SqliteConnection> OpenAsync(string path, CancellationToken cancellationToken)
    {
        // No pooling, so the file is closed when the demo is done with it and can be deleted by the next run.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
