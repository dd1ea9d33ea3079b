using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Tests.DependencyInjection;

public class AddAudiencesTests
{
    [Fact]
    public void AddAudiences_WithoutStore_FailsValidationSayingWhatToCall()
    {
        using var provider = new ServiceCollection().AddAudiences().Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<AudiencesOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*UseSqlite*UseInMemory*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(AudiencesOptions.MaxImportBatchSize + 1)]
    public void AddAudiences_BatchSizeOutOfRange_FailsValidationNamingTheSetting(int batchSize)
    {
        using var provider = new ServiceCollection()
            .AddAudiences(b => b.UseInMemory().Configure(o => o.ImportBatchSize = batchSize))
            .Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IProfileService>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*ImportBatchSize*between 1 and*");
    }

    [Fact]
    public void AddAudiences_NegativeMaxReportedErrors_FailsValidation()
    {
        using var provider = new ServiceCollection()
            .AddAudiences(b => b.UseInMemory().Configure(o => o.MaxReportedErrors = -1))
            .Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<AudiencesOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*MaxReportedErrors*");
    }

    [Fact]
    public void AddAudiences_UnknownPhoneRegion_FailsValidation()
    {
        using var provider = new ServiceCollection()
            .AddAudiences(b => b.UseInMemory().Configure(o => o.DefaultPhoneRegion = "Narnia"))
            .Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<AudiencesOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*DefaultPhoneRegion*'Narnia'*");
    }

    [Fact]
    public void AddAudiences_IdentifierLimitBelowTwo_FailsValidation()
    {
        using var provider = new ServiceCollection()
            .AddAudiences(b => b.UseInMemory().Configure(o => o.GuardRails.MaxRecordsPerIdentifier = 1))
            .Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<AudiencesOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*MaxRecordsPerIdentifier*2 or more*");
    }

    [Fact]
    public void AddAudiences_SurvivorshipOverrideWithoutSources_FailsValidation()
    {
        using var provider = new ServiceCollection()
            .AddAudiences(b => b.UseInMemory().Configure(o => o.Survivorship.FieldSourcePriority["title"] = []))
            .Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<AudiencesOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*FieldSourcePriority['title']*at least one source*");
    }

    [Fact]
    public void AddAudiences_CalledTwice_RegistersOneServiceAndOneValidator()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseInMemory());
        services.AddAudiences();

        services.Count(d => d.ServiceType == typeof(IProfileService)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<AudiencesOptions>)).Should().Be(1);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IProfileService>().Should().NotBeNull();
    }

    [Fact]
    public void UseStore_NamesTheStoreShownInDiagnostics()
    {
        using var provider = new ServiceCollection()
            .AddAudiences(b => b.UseInMemory().UseStore("custom"))
            .Services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<AudiencesOptions>>().Value.StoreName.Should().Be("custom");
    }

    [Fact]
    public void UseStore_BlankName_Throws()
    {
        var act = () => new ServiceCollection().AddAudiences(b => b.UseStore(" "));
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task DecorateStore_WrapsOneContractAndLeavesTheOthersServingTheSameData()
    {
        using var provider = new ServiceCollection()
            .AddAudiences(b => b.UseInMemory().DecorateStore<IProfileStore>((inner, _) => new CountingProfileStore(inner)))
            .Services.BuildServiceProvider();
        var service = provider.GetRequiredService<IProfileService>();

        await service.UpsertAsync(
            [new SourceRecord(new SourceRecordKey("app", "users", "1"), EntityKind.Person, SourceKind.Upsert,
                new Dictionary<string, FieldValue> { ["email"] = FieldValue.FromText("ada@example.com") })],
            new ImportOptions(EntityKind.Person));

        var decorated = provider.GetRequiredService<IProfileStore>().Should().BeOfType<CountingProfileStore>().Subject;
        decorated.Sessions.Should().Be(1, "the import's session was begun through the decorator");
        (await provider.GetRequiredService<IFieldCatalog>().GetFieldsAsync(EntityKind.Person)).Should().ContainSingle(f => f.Key == "email");
        (await provider.GetRequiredService<IChangeFeed>().GetLastVersionAsync()).Should().Be(1);
    }

    [Fact]
    public void DecorateStore_BeforeAnyStore_ThrowsSayingToCallItAfterTheStore()
    {
        var act = () => new ServiceCollection().AddAudiences(b => b.DecorateStore<IMergeLedger>((inner, _) => inner));

        act.Should().Throw<InvalidOperationException>().WithMessage("*IMergeLedger*after the store's UseXxx()*");
    }

    [Fact]
    public void AddAudiences_StoreMissingAContract_FailsNamingEveryMissingContract()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseInMemory());
        services.RemoveAll<IMergeLedger>();
        services.RemoveAll<IChangeFeed>();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IProfileService>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*registers no IMergeLedger, IChangeFeed*");
    }

    [Fact]
    public void AddAudiences_StoreWithoutAnAudienceStore_FailsSayingSoWhenAudiencesAreUsed()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseInMemory());
        services.RemoveAll<IAudienceStore>();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IProfileService>().Should().NotBeNull("profiles need no audience store");
        var act = () => provider.GetRequiredService<IAudienceService>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*registers no IAudienceStore*UseXxx()*");
    }

    private sealed class CountingProfileStore(IProfileStore inner) : DelegatingProfileStore(inner)
    {
        public int Sessions { get; private set; }

        public override ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default)
        {
            Sessions++;
            return base.BeginWriteAsync(cancellationToken);
        }
    }
}
