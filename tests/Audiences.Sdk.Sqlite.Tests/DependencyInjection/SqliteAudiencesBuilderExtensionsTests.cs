using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Sqlite.Tests.DependencyInjection;

public sealed class SqliteAudiencesBuilderExtensionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task UseSqlite_ConnectionString_RegistersTheSqliteStore()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseSqlite(_directory.ConnectionString()));

        await using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<IProfileStore>().Should().BeOfType<SqliteProfileStore>();
            provider.GetRequiredService<IOptions<AudiencesOptions>>().Value.StoreName.Should().Be("sqlite");
            (await provider.GetRequiredService<IProfileService>().CountAsync(EntityKind.Person)).Should().Be(0);
        }

        File.Exists(_directory.File("audiences.db")).Should().BeTrue();
    }

    [Fact]
    public void UseSqlite_Configure_AppliesTheOptions()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseSqlite(o =>
        {
            o.ConnectionString = _directory.ConnectionString("configured.db");
            o.BusyTimeout = TimeSpan.FromSeconds(5);
        }));

        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.BusyTimeout.Should().Be(TimeSpan.FromSeconds(5));
        provider.GetRequiredService<SqliteStore>().FilePath.Should().Be(_directory.File("configured.db"));
    }

    [Fact]
    public void UseSqlite_InvalidOptions_FailValidationWithTheReason()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseSqlite(o => o.ConnectionString = "Data Source=a.db;Mode=ReadOnly"));
        using var provider = services.BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;

        resolve.Should().Throw<OptionsValidationException>().WithMessage("*read-only*");
    }

    [Fact]
    public void UseSqlite_BlankConnectionString_Throws()
    {
        var services = new ServiceCollection();

        var use = () => services.AddAudiences(b => b.UseSqlite(" "));

        use.Should().Throw<ArgumentException>();
    }

    public void Dispose() => _directory.Dispose();
}
