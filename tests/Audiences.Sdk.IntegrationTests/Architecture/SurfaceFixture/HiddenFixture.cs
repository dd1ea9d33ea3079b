namespace Audiences.Sdk.IntegrationTests.Architecture.SurfaceFixture;

/// <summary>
/// Public-surface fixture: an internal type, whose public member is out of reach all the same.
/// Never used as code; only read by the public surface tests.
/// </summary>
internal static class HiddenFixture
{
    public static readonly int Field = 1;
}
