using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Samples.Providers.Tests.Specification;

public sealed class SampleJobChangeSpecification : SignalProviderSpecification
{
    protected override IReadOnlyList<Profile> Records { get; } =
    [
        People.With(1, People.Record("a", People.Day1, "Engineer", "acme.com"), People.Record("b", People.Day3, "CTO", "acme.com")),
        People.With(2, People.Record("c", People.Day1, "Engineer", "acme.com")),
    ];

    protected override DateTimeOffset Since => People.Day2;

    protected override IReadOnlyList<ProfileId> RecordsWithEvents { get; } = [new ProfileId(1)];

    protected override Task<ISignalProvider> CreateProviderAsync() => Task.FromResult<ISignalProvider>(SampleProviders.JobChange);
}
