namespace Audiences.Sdk.IntegrationTests.Architecture.AcyclicFixture.Downstream;

/// <summary>Acyclic fixture: depends on Upstream, which does not depend back. Only read by the namespace cycle tests.</summary>
public sealed class DownstreamDerived : Upstream.UpstreamBase;
