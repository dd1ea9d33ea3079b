using System.Text;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Serialization;

namespace Audiences.Sdk.Sqlite.Tests.Serialization;

public sealed class ProfileValueCodecTests
{
    private static readonly SourceRecordKey Crm = new("crm", "Contact", "003");
    private static readonly SourceRecordKey File = new("people.csv", "rows", "7");

    [Fact]
    public void Encode_ValuesFromSeveralSources_RoundTripsWithProvenance()
    {
        var observed = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var values = new Dictionary<string, ProfileValue>
        {
            ["title"] = new(FieldValue.FromText("CTO"), Crm, SourceKind.Crm, observed),
            ["email"] = new(FieldValue.FromText("ada@example.com"), Crm, SourceKind.Crm, observed),
            ["city"] = new(FieldValue.FromText("London"), File, SourceKind.Csv, observed.AddDays(1)),
            ["score"] = new(FieldValue.FromNumber(0.1 + 0.2), File, SourceKind.Csv, observed.AddDays(1)),
            ["tags"] = new(FieldValue.FromList(["a", "b"]), File, SourceKind.Csv, observed.AddDays(1)),
            ["born"] = new(FieldValue.FromDateTime(DateTimeOffset.MinValue), Crm, SourceKind.Enrichment, DateTimeOffset.MinValue),
        };

        var decoded = ProfileValueCodec.Decode(ProfileValueCodec.Encode(values));

        decoded.Should().Equal(values);
    }

    [Fact]
    public void Encode_ValuesOfOneSource_ShareOneProvenanceEntry()
    {
        var observed = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var values = new Dictionary<string, ProfileValue>
        {
            ["a"] = new(FieldValue.FromText("x"), Crm, SourceKind.Crm, observed),
            ["b"] = new(FieldValue.FromText("y"), Crm, SourceKind.Crm, observed),
        };

        var json = Encoding.UTF8.GetString(ProfileValueCodec.Encode(values));

        json.Should().Be($"{{\"s\":[[\"crm\",\"Contact\",\"003\",3,{observed.UtcTicks}]],\"v\":{{\"a\":[\"x\",0],\"b\":[\"y\",0]}}}}");
    }

    [Fact]
    public void Encode_NoValues_RoundTripsToEmpty() =>
        ProfileValueCodec.Decode(ProfileValueCodec.Encode(new Dictionary<string, ProfileValue>())).Should().BeEmpty();

    [Fact]
    public void Decode_IndexBeyondTheProvenance_ThrowsInvalidData()
    {
        var decode = () => ProfileValueCodec.Decode(Encoding.UTF8.GetBytes("{\"s\":[],\"v\":{\"a\":[\"x\",0]}}"));

        decode.Should().Throw<InvalidDataException>();
    }
}
