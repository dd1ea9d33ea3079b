namespace Audiences.Sdk.IntegrationTests.Architecture.SurfaceFixture;

/// <summary>
/// Public-surface fixture: one member of each accessibility, and nested types of two. Never used as
/// code; only read by the public surface tests.
/// </summary>
public class ExposedFixture
{
    public static readonly int Field = 1;

    internal static readonly int InternalField = 2;

    public int Offset { get; init; }

    public static T First<T>(IReadOnlyList<T> items) => items[0];

    public int Public(int value) => value + Offset;

    protected int Protected() => Offset;

    internal int Internal() => Offset + InternalField;

    private protected int PrivateProtected() => Offset;

    public sealed class NestedPublic;

    internal sealed class NestedInternal;
}
