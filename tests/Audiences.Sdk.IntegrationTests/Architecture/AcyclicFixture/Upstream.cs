namespace Audiences.Sdk.IntegrationTests.Architecture.AcyclicFixture.Upstream;

/// <summary>Acyclic fixture: depends on nothing of the fixture. Only read by the namespace cycle tests.</summary>
public class UpstreamBase
{
    public override string ToString() => nameof(UpstreamBase);
}
