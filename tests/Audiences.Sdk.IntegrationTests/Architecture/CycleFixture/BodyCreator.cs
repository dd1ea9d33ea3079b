namespace Audiences.Sdk.IntegrationTests.Architecture.CycleFixture.Middle;

/// <summary>
/// Cycle fixture: Middle → Right through nothing but a <c>new</c> in a method body. Never used as
/// code; only read by the namespace cycle tests.
/// </summary>
public sealed class BodyCreator
{
    public override string ToString() => new Right.GenericArgumentUser().GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
