using System.Text;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Serialization;

namespace Audiences.Sdk.Sqlite.Tests.Serialization;

public sealed class ImportErrorListCodecTests
{
    [Fact]
    public void Encode_ThenDecode_KeepsMessageLineRecordAndField_AndLeavesUnknownPartsEmpty()
    {
        ImportError[] errors =
        [
            new("'abc' is not a number") { Line = 9, Record = new SourceRecordKey("shop", "orders", "9"), Field = "amount" },
            new("no id"),
            new("ünïcode \"quoted\"") { Record = new SourceRecordKey("s", "o", "é") },
        ];

        ImportErrorListCodec.Decode(ImportErrorListCodec.Encode(errors)).Should().Equal(errors);
        ImportErrorListCodec.Decode(ImportErrorListCodec.Encode([])).Should().BeEmpty();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[\"a plain string\"]")]
    [InlineData("[{\"l\":3}]")]
    [InlineData("[{\"m\":\"x\",\"r\":[\"only one part\"]}]")]
    public void Decode_BytesTheStoreDidNotWrite_SaysTheDatabaseWasChangedOutsideTheStore(string json)
    {
        var act = () => ImportErrorListCodec.Decode(Encoding.UTF8.GetBytes(json));

        act.Should().Throw<InvalidDataException>().WithMessage("*changed outside the store*");
    }
}
