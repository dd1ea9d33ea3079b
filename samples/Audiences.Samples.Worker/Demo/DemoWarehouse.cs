using System.Globalization;
using Audiences.Samples.Worker.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Audiences.Samples.Worker.Demo;

/// <summary>
/// A small SQLite warehouse for trying the worker without a database of one's own: a <c>contacts</c> table the sample
/// sync in appsettings.json reads. Created only when asked (<c>--seed-demo</c> or <c>Audiences:SeedDemoWarehouse</c>)
/// and only when the file is missing, so a warehouse someone changed is never overwritten.
/// </summary>
internal static class DemoWarehouse
{
    /// <summary>The demo contacts: id, email, first name, last name, job title, plan, notes.</summary>
    private static readonly string[][] Contacts =
    [
        ["1", "ada@example.com", "Ada", "Lovelace", "CTO", "enterprise", "met at the summit"],
        ["2", "grace@example.com", "Grace", "Hopper", "VP Engineering", "enterprise", ""],
        ["3", "alan@example.com", "Alan", "Turing", "Engineer", "team", "prefers email"],
        ["4", "katherine@example.com", "Katherine", "Johnson", "Analyst", "free", ""],
        ["5", "linus@example.com", "Linus", "Torvalds", "Engineer", "team", ""],
    ];

    /// <summary>Creates the warehouse at <paramref name="path"/> unless the file exists.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="time">The clock the rows are stamped by: an hour before now, so the first run reads them all.</param>
    /// <param name="logger">Says whether it was created.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public static async Task EnsureCreatedAsync(string path, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            WorkerLog.DemoWarehouseKept(logger, path);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stamp = time.GetUtcNow().AddHours(-1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var create = connection.CreateCommand())
            {
                // DATETIME makes the SQL source read updated_at as a date-time; the text matches SQLite's datetime('now').
                create.CommandText = """
                    CREATE TABLE contacts (
                        id INTEGER PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT,
                        job_title TEXT, plan TEXT, notes TEXT, updated_at DATETIME NOT NULL)
                    """;
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var contact in Contacts)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO contacts VALUES ($id, $email, $first, $last, $title, $plan, $notes, $stamp)";
                insert.Parameters.AddWithValue("$id", long.Parse(contact[0], CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue("$email", contact[1]);
                insert.Parameters.AddWithValue("$first", contact[2]);
                insert.Parameters.AddWithValue("$last", contact[3]);
                insert.Parameters.AddWithValue("$title", contact[4]);
                insert.Parameters.AddWithValue("$plan", contact[5]);
                insert.Parameters.AddWithValue("$notes", contact[6]);
                insert.Parameters.AddWithValue("$stamp", stamp);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        WorkerLog.DemoWarehouseCreated(logger, path, Contacts.Length);
    }
}
