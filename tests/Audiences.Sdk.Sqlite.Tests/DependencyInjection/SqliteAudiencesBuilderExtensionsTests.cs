using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
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

    [Fact]
    public async Task UseSqlite_DecoratedContracts_AudiencesAndImportsStillWorkOnTheOneFile()
    {
        var sessions = 0;
        var services = new ServiceCollection();
        services.AddAudiences(b => b
            .UseSqlite(_directory.ConnectionString())
            .DecorateStore<IProfileStore>((inner, _) => new CountingProfileStore(inner, () => sessions++))
            .DecorateStore<IMergeLedger>((inner, _) => new PassThroughLedger(inner)));
        await using var provider = services.BuildServiceProvider();
        var profiles = provider.GetRequiredService<IProfileService>();
        var audiences = provider.GetRequiredService<IAudienceService>();

        await profiles.UpsertAsync(
            [Person("1", ("email", "ada@example.com"), ("title", "CTO")), Person("2", ("linkedin_url", "linkedin.com/in/ada"), ("title", "CTO")),
                Person("3", ("email", "bob@example.com"), ("title", "Intern")), Person("4", ("email", "ADA@example.com"), ("linkedin_url", "linkedin.com/in/ada"))],
            new ImportOptions(EntityKind.Person));
        var leaders = await audiences.CreateAsync(
            new AudienceDefinition("Leaders", EntityKind.Person, "ana") { Status = AudienceStatus.Active }, "title = \"CTO\"");

        (await audiences.CountAsync(leaders.Id)).Should().Be(1, "record 4 joined the two CTO profiles into one");
        (await profiles.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle();
        sessions.Should().BePositive("the import wrote through the decorator");
        provider.GetRequiredService<IProfileStore>().Should().BeOfType<CountingProfileStore>();
    }

    public void Dispose() => _directory.Dispose();

    private static SourceRecord Person(string id, params (string Key, string Value)[] values) =>
        new(new SourceRecordKey("crm", "contacts", id), EntityKind.Person, SourceKind.Crm, values.ToDictionary(v => v.Key, v => FieldValue.FromText(v.Value)));

    private sealed class CountingProfileStore(IProfileStore inner, Action begun) : DelegatingProfileStore(inner)
    {
        public override ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default)
        {
            begun();
            return base.BeginWriteAsync(cancellationToken);
        }
    }

    private sealed class PassThroughLedger(IMergeLedger inner) : DelegatingMergeLedger(inner);
}
