using Audiences.Sdk.IntegrationTests.Architecture.SurfaceFixture;

namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// The check behind the adapter tests, on fixtures of this assembly: it refuses what another
/// assembly could not use, so the adapters passing it means something.
/// </summary>
public sealed class PublicSurfaceTests
{
    private const string Int = "System.Int32";
    private static readonly PublicSurface Surface = new(AssemblyUnderTest.Tests);
    private static readonly ReferencedType Exposed = Type(typeof(ExposedFixture));

    [Fact]
    public void Public_types_and_public_nested_types_are_exposed_internal_ones_are_not()
    {
        Surface.Exposes(Exposed).Should().BeTrue();
        Surface.Exposes(Type(typeof(ExposedFixture.NestedPublic))).Should().BeTrue();
        Surface.Exposes(Type(typeof(ExposedFixture.NestedInternal))).Should().BeFalse();
        Surface.Exposes(Type(typeof(HiddenFixture))).Should().BeFalse();
        Surface.Exposes(Exposed with { FullName = $"{Exposed.FullName}Missing" }).Should().BeFalse();
    }

    [Theory]
    [InlineData("Public", true)]
    [InlineData("Protected", true)]
    [InlineData("Internal", false)]
    [InlineData("PrivateProtected", false)]
    public void Methods_are_exposed_when_public_or_protected(string name, bool exposed)
    {
        var parameters = name == "Public" ? new[] { Int } : [];

        Surface.Exposes(Method(Exposed, name, Int, parameters)).Should().Be(exposed);
    }

    [Fact]
    public void Fields_are_exposed_when_public_on_an_exposed_type()
    {
        Surface.Exposes(Field(Exposed, "Field")).Should().BeTrue();
        Surface.Exposes(Field(Exposed, "InternalField")).Should().BeFalse();
        Surface.Exposes(Field(Type(typeof(HiddenFixture)), "Field")).Should().BeFalse();
    }

    [Fact]
    public void A_member_is_matched_by_its_whole_signature()
    {
        Surface.Exposes(Method(Exposed, "Public", Int, "System.Int64")).Should().BeFalse();
        Surface.Exposes(Method(Exposed, "Public", "System.Int64", Int)).Should().BeFalse();
        Surface.Exposes(new ReferencedMember(Exposed, "First", false, 1, "!!0", ["System.Collections.Generic.IReadOnlyList`1<!!0>"]))
            .Should().BeTrue();
        Surface.Exposes(Method(Exposed, ".ctor", "System.Void")).Should().BeTrue();
        Surface.Exposes(Method(Exposed, "ToString", "System.String")).Should().BeTrue("members of base types count");
    }

    private static ReferencedType Type(Type type) =>
        new(type.Assembly.GetName().Name!, type.Namespace!, type.FullName!);

    private static ReferencedMember Method(ReferencedType type, string name, string returnType, params string[] parameters) =>
        new(type, name, IsField: false, 0, returnType, parameters);

    private static ReferencedMember Field(ReferencedType type, string name) =>
        new(type, name, IsField: true, 0, Int, []);
}
