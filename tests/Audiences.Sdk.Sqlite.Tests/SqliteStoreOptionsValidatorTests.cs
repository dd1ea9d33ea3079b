namespace Audiences.Sdk.Sqlite.Tests;

public sealed class SqliteStoreOptionsValidatorTests
{
    private readonly SqliteStoreOptionsValidator _validator = new();

    [Theory]
    [InlineData("Data Source=audiences.db")]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=/var/lib/app/profiles.db;Pooling=False")]
    public void Validate_UsableConnectionString_Succeeds(string connectionString) =>
        _validator.Validate(null, new SqliteStoreOptions { ConnectionString = connectionString }).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData(null, "*ConnectionString is empty*Data Source=audiences.db*")]
    [InlineData("  ", "*ConnectionString is empty*")]
    [InlineData("Data Source", "*not a valid SQLite connection string*")]
    [InlineData("Colour=blue", "*not a valid SQLite connection string*")]
    [InlineData("Pooling=True", "*names no database*Data Source=audiences.db*")]
    [InlineData("Data Source=a.db;Mode=ReadOnly", "*read-only*remove \"Mode=ReadOnly\"*")]
    [InlineData("Data Source=a.db;Cache=Shared", "*shared cache*remove \"Cache=Shared\"*")]
    public void Validate_UnusableConnectionString_SaysWhatToChange(string? connectionString, string message)
    {
        var result = _validator.Validate(null, new SqliteStoreOptions { ConnectionString = connectionString });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Match(message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(7200)]
    public void Validate_BusyTimeoutOutOfRange_SaysTheRange(int seconds)
    {
        var result = _validator.Validate(null, new SqliteStoreOptions { ConnectionString = "Data Source=a.db", BusyTimeout = TimeSpan.FromSeconds(seconds) });

        result.FailureMessage.Should().Match("*BusyTimeout*above zero and at most 01:00:00*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_048_575)]
    public void Validate_WriteAheadLogBoundTooSmall_SaysTheMinimum(long bytes)
    {
        var result = _validator.Validate(null, new SqliteStoreOptions { ConnectionString = "Data Source=a.db", MaxWriteAheadLogBytes = bytes });

        result.FailureMessage.Should().Match("*MaxWriteAheadLogBytes*at least 1048576*");
    }

    [Fact]
    public void Validate_WriteAheadLogBoundAtTheMinimum_Succeeds() =>
        _validator.Validate(null, new SqliteStoreOptions { ConnectionString = "Data Source=a.db", MaxWriteAheadLogBytes = SqliteStoreOptions.MinWriteAheadLogBytes })
            .Succeeded.Should().BeTrue();

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithTheValidationMessage()
    {
        var open = () => new SqliteStore(new SqliteStoreOptions { ConnectionString = "" });

        open.Should().Throw<ArgumentException>().WithMessage("*ConnectionString is empty*").Which.ParamName.Should().Be("options");
    }

    [Fact]
    public void Constructor_NullOptions_Throws()
    {
        var open = () => new SqliteStore(null!);

        open.Should().Throw<ArgumentNullException>();
    }
}
