using System.Text.Json;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;
using CsCheck;

namespace Audiences.Sdk.Tests.Exports;

public sealed class ExportDefinitionJsonTests
{
    private static readonly ExportDefinition Minimal = new(
        "crm-contacts", EntityKind.Person, new DestinationSettings("csv", new Dictionary<string, string> { ["path"] = "out.csv" }));

    private static readonly ExportDefinition Full = new(
        "Accounts → CRM",
        EntityKind.Company,
        new DestinationSettings("warehouse", new Dictionary<string, string>
        {
            ["table"] = "crm.accounts",
            ["connection"] = "Host=db;Password=ü;é=\"quoted\"",
            ["empty"] = "",
        }))
    {
        Audience = 1_000_000_000_007,
        Mappings =
        [
            new ExportMapping("name", "AccountName") { Rule = WriteRule.Always },
            new ExportMapping("industry", "Industry") { Rule = WriteRule.IfEmpty },
            new ExportMapping("employees", "Size"),
        ],
        Membership =
        [
            new MembershipMapping(4, "Status", FieldValue.FromText("Target")) { ValueOut = FieldValue.FromText("Former") },
            new MembershipMapping(5, "Score", FieldValue.FromNumber(0.1 + 0.2)) { ValueOut = FieldValue.FromNumber(-1e300) },
            new MembershipMapping(6, "Flag", FieldValue.FromBoolean(true)) { ValueOut = FieldValue.FromBoolean(false) },
            new MembershipMapping(7, "Since", FieldValue.FromDateTime(new DateTimeOffset(2026, 1, 15, 4, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1_234_567))),
            new MembershipMapping(8, "Tags", FieldValue.FromList(["a", "b; c", "ü"])) { ValueOut = FieldValue.FromList(["gone"]) },
        ],
        KeyField = "crm_id",
        KeySource = "hubspot",
        CreateNew = true,
        RemoveOnExit = true,
        Every = TimeSpan.FromMinutes(90) + TimeSpan.FromTicks(3),
        MaxAttempts = 12,
    };

    [Fact]
    public void Deserialize_MinimalDefinition_ReadsBackWithDefaults()
    {
        var read = ExportDefinitionJson.Deserialize(ExportDefinitionJson.Serialize(Minimal));

        read.Should().BeEquivalentTo(Minimal);
        read.Audience.Should().BeNull();
        read.Mappings.Should().BeEmpty();
        read.Membership.Should().BeEmpty();
        read.KeyField.Should().Be("email");
        read.KeySource.Should().BeNull();
        (read.CreateNew, read.RemoveOnExit).Should().Be((false, false));
        read.Every.Should().Be(TimeSpan.FromHours(24));
        read.MaxAttempts.Should().Be(5);
    }

    [Fact]
    public void Deserialize_EveryProperty_ReadsBack()
    {
        var read = ExportDefinitionJson.Deserialize(ExportDefinitionJson.Serialize(Full));

        read.Should().BeEquivalentTo(Full);
        read.Destination.Values.Should().Equal(Full.Destination.Values);
        read.Mappings.Select(m => m.Rule).Should().Equal(WriteRule.Always, WriteRule.IfEmpty, WriteRule.Never);
        read.Membership.Select(m => m.ValueIn).Should().Equal(Full.Membership.Select(m => m.ValueIn));
        read.Membership.Select(m => m.ValueOut).Should().Equal(Full.Membership.Select(m => m.ValueOut));
        read.Membership[3].ValueIn.Type.Should().Be(FieldType.DateTime);
        read.Membership[3].ValueOut.IsEmpty.Should().BeTrue();
        read.Every.Should().Be(Full.Every);
    }

    [Fact]
    public void Deserialize_EveryNull_RunsOnlyByHand_WhileAnAbsentEveryIsTheDefault()
    {
        var byHand = Minimal with { Every = null };

        ExportDefinitionJson.Deserialize(ExportDefinitionJson.Serialize(byHand)).Every.Should().BeNull();
        ExportDefinitionJson.Deserialize("""{"version":1,"name":"x","destination":{"type":"csv"}}""").Every.Should().Be(TimeSpan.FromHours(24));
    }

    [Fact]
    public void Serialize_WritesTheVersionKindAndRulesAsWords_AndSettingsSorted()
    {
        var json = JsonDocument.Parse(ExportDefinitionJson.Serialize(Full)).RootElement;

        json.GetProperty("version").GetInt32().Should().Be(ExportDefinitionJson.CurrentVersion);
        json.GetProperty("kind").GetString().Should().Be("company");
        json.GetProperty("mappings").EnumerateArray().Select(m => m.GetProperty("rule").GetString()).Should().Equal("always", "if-empty", "never");
        json.GetProperty("destination").GetProperty("settings").EnumerateObject().Select(p => p.Name).Should().Equal("connection", "empty", "table");
        json.GetProperty("membership")[3].GetProperty("in").GetProperty("date").GetString().Should().Be("2026-01-15T09:00:00.1234567+00:00");
    }

    [Fact]
    public void Serialize_SameDefinition_WritesTheSameText_WhateverTheOrderOfItsSettings()
    {
        var reordered = Full with
        {
            Destination = new DestinationSettings("warehouse", Full.Destination.Values.Reverse().ToDictionary(v => v.Key, v => v.Value)),
        };

        ExportDefinitionJson.Serialize(reordered).Should().Be(ExportDefinitionJson.Serialize(Full));
    }

    [Fact]
    public void MembershipValuesOfAnyType_ReadBackEqual()
    {
        var value = Gen.OneOf<FieldValue>(
            Gen.Const(FieldValue.Empty),
            Gen.String.Select(FieldValue.FromText),
            Gen.Double.Where(double.IsFinite).Select(FieldValue.FromNumber),
            Gen.Bool.Select(FieldValue.FromBoolean),
            Gen.Long[DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks].Select(t => FieldValue.FromDateTime(new DateTimeOffset(t, TimeSpan.Zero))),
            Gen.String.Array[0, 4].Select(items => FieldValue.FromList(items)));

        Gen.Select(value, value).Sample((valueIn, valueOut) =>
        {
            var definition = Minimal with { Membership = [new MembershipMapping(1, "f", valueIn) { ValueOut = valueOut }] };

            var read = ExportDefinitionJson.Deserialize(ExportDefinitionJson.SerializeForStorage(definition)).Membership.Single();

            (read.ValueIn, read.ValueOut).Should().Be((valueIn, valueOut));
        }, iter: 2000);
    }

    [Theory]
    [InlineData("[]", "*JSON object*")]
    [InlineData("""{"name":"x","destination":{"type":"csv"}}""", "*\"version\"*")]
    [InlineData("""{"version":2,"name":"x","destination":{"type":"csv"}}""", "*version 2*update the SDK*")]
    [InlineData("""{"version":1,"destination":{"type":"csv"}}""", "*needs \"name\"*")]
    [InlineData("""{"version":1,"name":"x","kind":"robot","destination":{"type":"csv"}}""", "*Unknown kind 'robot'*")]
    [InlineData("""{"version":1,"name":"x"}""", "*\"destination\"*")]
    [InlineData("""{"version":1,"name":"x","destination":{"settings":{}}}""", "*destination names its \"type\"*")]
    [InlineData("""{"version":1,"name":"x","destination":{"type":"csv","settings":{"path":3}}}""", "*setting 'path' is text*")]
    [InlineData("""{"version":1,"name":"x","destination":{"type":"csv"},"mappings":[1]}""", "*Each mapping is an object*")]
    [InlineData("""{"version":1,"name":"x","destination":{"type":"csv"},"mappings":[{"to":"a"}]}""", "*mapping needs \"field\"*")]
    [InlineData("""{"version":1,"name":"x","destination":{"type":"csv"},"mappings":[{"field":"a","to":"b","rule":"sometimes"}]}""", "*Unknown write rule 'sometimes'*")]
    [InlineData("""{"version":1,"name":"x","destination":{"type":"csv"},"membership":[{"to":"a","in":"x"}]}""", "*\"audience\" by id*")]
    [InlineData("""{"version":1,"name":"x","destination":{"type":"csv"},"membership":[{"audience":1,"to":"a","in":{"x":1}}]}""", "*membership value is*")]
    [InlineData("""{"version":1,"name":"x","destination":{"type":"csv"},"membership":[{"audience":1,"to":"a","in":{"date":"yesterday"}}]}""", "*'yesterday'*round-trip*")]
    [InlineData("""{"version":1,"name":"x","destination":{"type":"csv"},"membership":[{"audience":1,"to":"a","in":[1]}]}""", "*list value holds text*")]
    [InlineData("""{"version":1,"name":"x","destination":{"type":"csv"},"every":"daily"}""", "*'daily'*ISO 8601 duration*")]
    public void Deserialize_TextThatIsNotADefinition_ThrowsSayingWhy(string json, string message)
    {
        var read = () => ExportDefinitionJson.Deserialize(json);

        read.Should().Throw<JsonException>().WithMessage(message);
    }

    [Fact]
    public void SerializeForStorage_DefinitionThatWouldNotReadBack_ThrowsArgumentExceptionNamingIt()
    {
        var noType = () => ExportDefinitionJson.SerializeForStorage(Minimal with { Destination = new DestinationSettings("", new Dictionary<string, string>()) });
        var nullSetting = () => ExportDefinitionJson.SerializeForStorage(Minimal with { Destination = new DestinationSettings("csv", new Dictionary<string, string> { ["path"] = null! }) });
        var unknownRule = () => ExportDefinitionJson.SerializeForStorage(Minimal with { Mappings = [new ExportMapping("a", "b") { Rule = (WriteRule)9 }] });

        noType.Should().Throw<ArgumentException>().WithMessage("*'crm-contacts' cannot be stored*\"type\"*");
        nullSetting.Should().Throw<ArgumentException>().WithMessage("*'crm-contacts' cannot be stored*'path' is text*");
        unknownRule.Should().Throw<ArgumentException>().WithMessage("*'crm-contacts' cannot be stored*write rule '9'*");
    }

    [Fact]
    public void NullArguments_AreRefused()
    {
        FluentActions.Invoking(() => ExportDefinitionJson.Serialize(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ExportDefinitionJson.SerializeForStorage(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ExportDefinitionJson.Deserialize(null!)).Should().Throw<ArgumentNullException>();
    }
}
