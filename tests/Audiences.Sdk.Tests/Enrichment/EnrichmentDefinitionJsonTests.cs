using System.Text.Json;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Enrichment;

public sealed class EnrichmentDefinitionJsonTests
{
    private static readonly EnrichmentDefinition Minimal = new("sizes", EntityKind.Company, ["sample-company"], [4]);

    [Fact]
    public void Deserialize_MinimalDefinition_ReadsBackWithDefaults()
    {
        var read = EnrichmentDefinitionJson.Deserialize(EnrichmentDefinitionJson.Serialize(Minimal));

        read.Should().BeEquivalentTo(Minimal);
        read.Mappings.Should().BeEmpty();
        read.Schedule.Should().BeNull();
        read.Action.Should().BeNull();
        read.Continuous.Should().BeFalse();
    }

    [Fact]
    public void Serialize_WritesTheVersionAndKindAsAWord()
    {
        var json = JsonDocument.Parse(EnrichmentDefinitionJson.Serialize(Minimal)).RootElement;

        json.GetProperty("version").GetInt32().Should().Be(EnrichmentDefinitionJson.CurrentVersion);
        json.GetProperty("kind").GetString().Should().Be("company");
    }

    [Theory]
    [InlineData("[]", "*JSON object*")]
    [InlineData("""{"name":"x","providers":["p"],"audiences":[1]}""", "*\"version\"*")]
    [InlineData("""{"version":2,"name":"x","providers":["p"],"audiences":[1]}""", "*version 2*update the SDK*")]
    [InlineData("""{"version":1,"name":"x","kind":"robot","providers":["p"],"audiences":[1]}""", "*Unknown kind 'robot'*")]
    [InlineData("""{"version":1,"name":"x","providers":[],"audiences":[1]}""", "*at least one provider*")]
    [InlineData("""{"version":1,"name":"x","providers":[3],"audiences":[1]}""", "*provider is named by a string*")]
    [InlineData("""{"version":1,"name":"x","providers":["p"]}""", "*at least one audience*")]
    [InlineData("""{"version":1,"name":"x","providers":["p"],"audiences":[null]}""", "*audience is named by its id*")]
    [InlineData("""{"version":1,"name":"x","providers":["p"],"audiences":[1],"mappings":[1]}""", "*Each mapping is an object*")]
    [InlineData("""{"version":1,"providers":["p"],"audiences":[1]}""", "*needs \"name\"*")]
    public void Deserialize_TextThatIsNotADefinition_ThrowsSayingWhy(string json, string message)
    {
        var read = () => EnrichmentDefinitionJson.Deserialize(json);

        read.Should().Throw<JsonException>().WithMessage(message);
    }

    [Fact]
    public void SerializeForStorage_DefinitionThatWouldNotReadBack_ThrowsArgumentExceptionNamingIt()
    {
        var store = () => EnrichmentDefinitionJson.SerializeForStorage(Minimal with { Audiences = [] });

        store.Should().Throw<ArgumentException>().WithMessage("*'sizes' cannot be stored*at least one audience*");
    }

    [Fact]
    public void NullArguments_AreRefused()
    {
        FluentActions.Invoking(() => EnrichmentDefinitionJson.Serialize(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => EnrichmentDefinitionJson.Deserialize(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void SchedulePresets_AreDailyAndMonthlyOnTheFirst()
    {
        EnrichmentSchedule.Daily.Should().Be(new EnrichmentSchedule(TimeSpan.FromDays(1)));
        EnrichmentSchedule.Monthly.Should().Be(new EnrichmentSchedule(null, "0 0 1 * *"));
    }
}
