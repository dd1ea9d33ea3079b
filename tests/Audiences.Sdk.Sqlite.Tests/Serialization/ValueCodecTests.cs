using System.Text;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Serialization;

namespace Audiences.Sdk.Sqlite.Tests.Serialization;

public sealed class ValueCodecTests
{
    public static TheoryData<string, FieldValue> Values() => new()
    {
        { "text", FieldValue.FromText("Ada Lovelace") },
        { "text with quotes and escapes", FieldValue.FromText("a \"quoted\" \\ back\\slash\n\ttab \u0001") },
        { "unicode text", FieldValue.FromText("Zoë Ŝmith — 東京 🚀 \u200b") },
        { "untrimmed text", FieldValue.FromText("  padded  ") },
        { "zero", FieldValue.FromNumber(0) },
        { "negative zero", FieldValue.FromNumber(-0d) },
        { "fraction", FieldValue.FromNumber(0.1 + 0.2) },
        { "max double", FieldValue.FromNumber(double.MaxValue) },
        { "min double", FieldValue.FromNumber(double.MinValue) },
        { "epsilon", FieldValue.FromNumber(double.Epsilon) },
        { "negative epsilon", FieldValue.FromNumber(-double.Epsilon) },
        { "tiny normal", FieldValue.FromNumber(2.2250738585072014E-308) },
        { "large integer", FieldValue.FromNumber(9007199254740993d) },
        { "true", FieldValue.FromBoolean(true) },
        { "false", FieldValue.FromBoolean(false) },
        { "date-time min", FieldValue.FromDateTime(DateTimeOffset.MinValue) },
        { "date-time max", FieldValue.FromDateTime(DateTimeOffset.MaxValue) },
        { "date-time with offset", FieldValue.FromDateTime(new DateTimeOffset(2025, 6, 1, 12, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(4567)) },
        { "list", FieldValue.FromList(["vip", "x;y", "é", "東京"]) },
        { "list of one", FieldValue.FromList(["only"]) },
        { "empty", FieldValue.Empty },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void EncodeValues_EveryType_RoundTripsExactly(string name, FieldValue value)
    {
        var encoded = ValueCodec.EncodeValues(new Dictionary<string, FieldValue> { ["field"] = value });

        var decoded = ValueCodec.DecodeValues(encoded)["field"];

        decoded.Should().Be(value, name);
        decoded.Type.Should().Be(value.Type);
        if (value.Type == FieldType.Number)
        {
            BitConverter.DoubleToInt64Bits(decoded.AsNumber()).Should().Be(BitConverter.DoubleToInt64Bits(value.AsNumber()));
        }
    }

    [Fact]
    public void EncodeValues_RandomFiniteDoubles_KeepTheirBits()
    {
        var random = new Random(20260115);
        var buffer = new byte[8];
        for (var i = 0; i < 20_000; i++)
        {
            random.NextBytes(buffer);
            var number = BitConverter.ToDouble(buffer);
            if (!double.IsFinite(number))
            {
                continue;
            }

            var value = FieldValue.FromNumber(number);
            var decoded = ValueCodec.DecodeValues(ValueCodec.EncodeValues(new Dictionary<string, FieldValue> { ["n"] = value }))["n"];

            BitConverter.DoubleToInt64Bits(decoded.AsNumber()).Should().Be(BitConverter.DoubleToInt64Bits(value.AsNumber()), "{0:R} must round-trip", number);
        }
    }

    [Fact]
    public void EncodeValues_ManyFields_KeepsEveryKeyAndValue()
    {
        var values = new Dictionary<string, FieldValue>
        {
            ["email"] = FieldValue.FromText("ada@example.com"),
            ["age"] = FieldValue.FromNumber(36),
            ["vip"] = FieldValue.FromBoolean(true),
            ["born"] = FieldValue.FromDateTime(new DateTimeOffset(1815, 12, 10, 0, 0, 0, TimeSpan.Zero)),
            ["tags"] = FieldValue.FromList(["a", "b"]),
            ["missing"] = FieldValue.Empty,
            ["ключ"] = FieldValue.FromText("unicode key"),
        };

        ValueCodec.DecodeValues(ValueCodec.EncodeValues(values)).Should().Equal(values);
    }

    [Fact]
    public void EncodeValues_NoFields_GivesAnEmptyMap() =>
        ValueCodec.DecodeValues(ValueCodec.EncodeValues(new Dictionary<string, FieldValue>())).Should().BeEmpty();

    [Fact]
    public void EncodeValues_Text_IsStoredAsReadableUtf8Json()
    {
        var encoded = ValueCodec.EncodeValues(new Dictionary<string, FieldValue>
        {
            ["name"] = FieldValue.FromText("Zoë"),
            ["n"] = FieldValue.FromNumber(1.5),
            ["at"] = FieldValue.FromDateTime(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(42)),
        });

        Encoding.UTF8.GetString(encoded).Should().Be("{\"name\":\"Zoë\",\"n\":1.5,\"at\":{\"d\":42}}");
    }

    [Fact]
    public void EncodeAliases_FieldsAndValues_RoundTripInOrder()
    {
        AliasKey[] aliases = [new("email", "ada@example.com"), new("linkedin_url", "linkedin.com/in/ada"), new("domain", "bücher.de")];

        ValueCodec.DecodeAliases(ValueCodec.EncodeAliases(aliases)).Should().Equal(aliases);
        ValueCodec.DecodeAliases(ValueCodec.EncodeAliases([])).Should().BeEmpty();
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{\"a\":{\"x\":1}}")]
    [InlineData("{\"a\":[1]}")]
    [InlineData("{\"a\":")]
    public void DecodeValues_DamagedBytes_ThrowsInvalidData(string json)
    {
        var decode = () => ValueCodec.DecodeValues(Encoding.UTF8.GetBytes(json));

        decode.Should().Throw<Exception>().Which.Should().Match<Exception>(e => e is InvalidDataException || e is System.Text.Json.JsonException);
    }
}
