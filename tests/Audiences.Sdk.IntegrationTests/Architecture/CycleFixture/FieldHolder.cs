namespace Audiences.Sdk.IntegrationTests.Architecture.CycleFixture.Left;

/// <summary>
/// Cycle fixture: Left → Middle through nothing but a field's type. Never used as code; only read
/// by the namespace cycle tests.
/// </summary>
public sealed class FieldHolder
{
#pragma warning disable CS0169 // The field's type is the whole point.
    private Middle.BodyCreator? _next;
#pragma warning restore CS0169
}
