using Audiences.Sdk.Sources;
using Audiences.Sdk.Warehouse.Tests.Databases;
using Npgsql;

namespace Audiences.Sdk.Warehouse.Tests;

/// <summary>Failures a retry may cure become <see cref="SourceUnavailableException"/>, naming the source object.</summary>
public sealed class PostgresFailureTests() : SqlSourceTestBase(new PostgresTestDatabase())
{
    [Fact]
    public async Task A_server_that_does_not_answer_is_unavailable()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var closed = new NpgsqlConnectionStringBuilder(Db.ConnectionString) { Port = 1, Timeout = 5 }.ConnectionString;
        var source = new SqlQuerySource(new SqlQuerySourceOptions(NpgsqlFactory.Instance, closed, "SELECT 1 AS id") { ObjectName = "accounts" }, Clock);

        var describe = await FluentActions.Awaiting(() => source.DescribeAsync().AsTask()).Should().ThrowAsync<SourceUnavailableException>();
        var read = await FluentActions.Awaiting(() => ReadAsync(source, new SourceReadRequest("accounts", SourceReadMode.Full, "id")))
            .Should().ThrowAsync<SourceUnavailableException>();

        describe.WithMessage("The SQL source 'accounts' could not connect to the database*").Which.InnerException.Should().BeAssignableTo<NpgsqlException>();
        read.WithMessage("*'accounts'*");
    }

    [Fact]
    public async Task A_connection_dropped_in_the_middle_of_a_read_is_unavailable()
    {
        var name = "audiences-" + Guid.NewGuid().ToString("N")[..12];
        var tagged = new NpgsqlConnectionStringBuilder(Db.ConnectionString) { ApplicationName = name }.ConnectionString;
        // Far more rows than the client buffers, so the read is still streaming when its backend goes.
        var source = new SqlQuerySource(
            new SqlQuerySourceOptions(NpgsqlFactory.Instance, tagged, "SELECT g AS id, repeat('x', 200) AS filler FROM generate_series(1, 200000) AS g"), Clock);

        var batches = 0;
        var read = async () =>
        {
            await foreach (var _ in source.ReadAsync(Full(batchSize: 100)))
            {
                if (++batches == 1)
                {
                    await Db.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @p0", name);
                }
            }
        };

        var failure = await read.Should().ThrowAsync<SourceUnavailableException>();
        failure.WithMessage("The SQL source 'query' could not read the database*");
        batches.Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_command_that_runs_past_its_timeout_is_unavailable()
    {
        var source = new SqlQuerySource(
            new SqlQuerySourceOptions(NpgsqlFactory.Instance, Db.ConnectionString, "SELECT 1 AS id FROM pg_sleep(5)") { CommandTimeout = TimeSpan.FromSeconds(1) }, Clock);

        var failure = await FluentActions.Awaiting(() => ReadAsync(source, Full())).Should().ThrowAsync<SourceUnavailableException>();

        failure.WithMessage("*'query'*");
    }

    [Fact]
    public async Task A_wrong_password_or_table_is_not_a_transient_failure()
    {
        var source = Source("SELECT * FROM no_such_table");

        var failure = await FluentActions.Awaiting(() => ReadAsync(source, Full())).Should().ThrowAsync<PostgresException>();

        failure.Which.SqlState.Should().Be("42P01");
    }
}
