namespace Audiences.Cli.Tests;

/// <summary>import sql and sync over PostgreSQL (the server named by AUDIENCES_TEST_POSTGRES; see PostgresWarehouse).</summary>
public sealed class ImportSqlPostgresTests : IDisposable
{
    // The test server trusts local connections, so any password connects; it is there to be masked.
    private const string Password = "s3cret-Pa55";

    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Imports_and_continues_from_the_cursor()
    {
        await using var warehouse = await PostgresWarehouse.CreateAsync(people: 4);

        var first = await ImportAsync(warehouse);
        await warehouse.ChangePlanAsync(3, "pro");
        var second = await ImportAsync(warehouse);

        first.ExitCode.Should().Be(0, first.ToString());
        ((long)first.Json["read"]!).Should().Be(4);
        ((long)first.Json["created"]!).Should().Be(4);
        ((string)first.Json["sync"]!).Should().Be("sql:postgres:people");
        second.ExitCode.Should().Be(0, second.ToString());
        ((long)second.Json["read"]!).Should().Be(1);
        ((long)second.Json["updated"]!).Should().Be(1);
    }

    [Fact]
    public async Task Passwords_never_reach_the_output()
    {
        await using var warehouse = await PostgresWarehouse.CreateAsync(people: 2);
        var connection = $"{warehouse.Connection};Password={Password}";

        var add = await _workspace.RunAsync(
            "--json", "sync", "add", "pg-people", "--kind", "person", "--provider", "postgres", "--connection", connection,
            "--query", warehouse.Query, "--id-column", "id", "--timestamp-column", "updated_at");
        var run = await _workspace.RunAsync("sync", "run", "pg-people");
        var listText = await _workspace.RunAsync("sync", "list");
        var listJson = await _workspace.RunAsync("--json", "sync", "list");
        var history = await _workspace.RunAsync("--json", "sync", "history", "pg-people");

        add.ExitCode.Should().Be(0, add.ToString());
        ((string)add.Json["settings"]!["connection"]!).Should().Contain("***").And.NotContain(Password);
        run.ExitCode.Should().Be(0, run.ToString());
        listText.Stdout.Should().Contain("pg-people");
        ((string)listJson.Json[0]!["settings"]!["connection"]!).Should().Contain("Password=***");
        foreach (var result in new[] { add, run, listText, listJson, history })
        {
            (result.Stdout + result.Stderr).Should().NotContain(Password);
        }
    }

    [Fact]
    public async Task A_failing_query_prints_the_server_message_with_the_password_masked()
    {
        await using var warehouse = await PostgresWarehouse.CreateAsync(people: 1);

        var result = await _workspace.RunAsync(
            "import", "sql", "--provider", "postgres", "--connection", $"{warehouse.Connection};Password={Password}",
            "--query", $"SELECT id, nope FROM {warehouse.Table}", "--kind", "person", "--id-column", "id");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("nope").And.NotContain(Password);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_fails_with_exit_1()
    {
        var result = await _workspace.RunAsync(
            "import", "sql", "--provider", "postgres", "--connection", $"Host=127.0.0.1;Port=1;Username=nobody;Password={Password};Timeout=2",
            "--query", "SELECT 1 AS id", "--kind", "person", "--id-column", "id");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().StartWith("error:").And.NotContain(Password);
    }

    private Task<CliResult> ImportAsync(PostgresWarehouse warehouse) => _workspace.RunAsync(
        "--json", "import", "sql", "--provider", "postgres", "--connection", warehouse.Connection, "--query", warehouse.Query,
        "--kind", "person", "--id-column", "id", "--timestamp-column", "updated_at");
}
