using Audiences.Cli.Syncs;

namespace Audiences.Cli.Tests;

public sealed class ConnectionTextTests
{
    [Theory]
    [InlineData("Host=db;Username=reader;Password=hunter2", "Host=db;Username=reader;Password=***")]
    [InlineData("Host=db;PWD=hunter2;Database=crm", "Host=db;PWD=***;Database=crm")]
    [InlineData("password='a;b';Host=db", "password=***;Host=db")]
    [InlineData("Data Source=/data/warehouse.db", "Data Source=/data/warehouse.db")]
    public void Masks_every_password_and_keeps_the_rest_as_written(string connection, string expected) =>
        ConnectionText.Masked(connection).Should().Be(expected);

    [Fact]
    public void Masks_a_password_quoted_in_a_message()
    {
        var message = ConnectionText.Redact("login failed for 'reader' with 'hunter2'", "Host=db;Username=reader;Password=hunter2");

        message.Should().Be("login failed for 'reader' with '***'");
    }
}
