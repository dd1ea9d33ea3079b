namespace Audiences.Sdk.IntegrationTests.Architecture.CycleFixture.Right;

/// <summary>
/// Cycle fixture: Right → Left through nothing but a generic method argument inside a lambda, so
/// the reference sits in a compiler-generated closure class. Never used as code; only read by the
/// namespace cycle tests.
/// </summary>
public sealed class GenericArgumentUser
{
    public Func<int> Counter { get; } = () => Enumerable.Empty<Left.FieldHolder>().Count();
}
