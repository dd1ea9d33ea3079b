using Microsoft.Data.Sqlite;

namespace Audiences.Cli.Tests;

/// <summary>
/// Three people on a plan (Ada and Grace paid, Alan free) in the audience 'Paid' (id 1, plan = paid) and 'Everyone' (id 2),
/// and an "app database": a SQLite file with a <c>contacts</c> table keyed by email that holds Ada (title already set,
/// first name set) and Grace (first name empty, a status), but not Alan.
/// </summary>
public static class ExportData
{
    public const string PaidAudience = "Paid";
    public const string EveryoneAudience = "Everyone";
    public const string AppFile = "app.db";

    public static async Task ImportAsync(CliWorkspace workspace)
    {
        var people = workspace.WriteCsv(
            "people.csv",
            "email,first_name,last_name,title,phone,plan",
            "ada@home.example,Ada,Lovelace,CTO,+44 20 7946 0018,paid",
            "grace@home.example,Grace,Hopper,Admiral,,paid",
            "alan@home.example,Alan,Turing,Researcher,,free");
        await EnrichData.SucceedAsync(workspace, "import", "csv", "--kind", "person", "--file", people, "--source", "crm");
        await EnrichData.SucceedAsync(workspace, "audience", "create", PaidAudience, "--kind", "person", "--filter", "plan = \"paid\"");
        await EnrichData.SucceedAsync(workspace, "audience", "create", EveryoneAudience, "--kind", "person", "--filter", "email is not empty");
    }

    /// <summary>Moves Ada to the free plan (her row again, first in both files, so the same source record) and refreshes the audiences, so she leaves 'Paid'.</summary>
    public static async Task DowngradeAdaAsync(CliWorkspace workspace)
    {
        var change = workspace.WriteCsv("change.csv", "email,plan", "ada@home.example,free");
        await EnrichData.SucceedAsync(workspace, "import", "csv", "--kind", "person", "--file", change, "--source", "crm");
        await EnrichData.SucceedAsync(workspace, "audience", "refresh");
    }

    /// <summary>Creates the app database in the workspace and returns its path.</summary>
    public static string CreateApp(CliWorkspace workspace)
    {
        var path = Path.Combine(workspace.Folder, AppFile);
        Execute(path, "CREATE TABLE contacts (email TEXT PRIMARY KEY, first_name TEXT, title TEXT, status TEXT)");
        Execute(path, "INSERT INTO contacts VALUES ('ada@home.example', 'Ada', 'Engineer', NULL)");
        Execute(path, "INSERT INTO contacts VALUES ('grace@home.example', NULL, 'Admiral', 'lead')");
        return path;
    }

    /// <summary>The rows of the app's contacts, by email: first name, title, status.</summary>
    public static IReadOnlyDictionary<string, (string? FirstName, string? Title, string? Status)> Contacts(string path) => Contacts(path, "contacts", "title", "status");

    /// <summary>The rows of a table with email, first_name and two more text columns, by email.</summary>
    public static IReadOnlyDictionary<string, (string? FirstName, string? Title, string? Status)> Contacts(string path, string table, string third = "job_title", string fourth = "lifecycle")
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT email, first_name, {third}, {fourth} FROM {table}";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, (string?, string?, string?)>();
        while (reader.Read())
        {
            rows[reader.GetString(0)] = (Text(reader, 1), Text(reader, 2), Text(reader, 3));
        }

        return rows;
    }

    /// <summary>Adds 'app': the people of 'Paid' to the app's contacts, with the options given.</summary>
    public static Task<CliResult> AddSqlAsync(CliWorkspace workspace, string path, params string[] more) =>
        workspace.RunAsync([
            "export", "add", "app", "--to", "sql", "--provider", "sqlite", "--connection", $"Data Source={path}", "--table", "contacts",
            "--key-column", "email", "--kind", "person", "--audience", PaidAudience, .. more]);

    /// <summary>The mappings that show every field action: first name if empty, title never, status by membership of 'Paid'.</summary>
    public static readonly string[] Mappings =
    [
        "--map", "first_name=first_name:if-empty", "--map", "title=title", "--membership", $"{PaidAudience}=status:customer:former",
    ];

    private static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
