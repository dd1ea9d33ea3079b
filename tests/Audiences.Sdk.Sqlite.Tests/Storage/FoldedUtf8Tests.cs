using System.Text;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Sqlite.Storage;
using CsCheck;

namespace Audiences.Sdk.Sqlite.Tests.Storage;

public sealed class FoldedUtf8Tests
{
    private static readonly string Ascii = new([.. Enumerable.Range(0, 128).Select(c => (char)c)]);

    [Theory]
    [InlineData("")]
    [InlineData("ada@Example.com")]
    [InlineData("az AZ `{@[ 09 ~\u007f")]
    [InlineData("Élodie")]
    [InlineData("E\u0301lodie")]
    [InlineData("straße")]
    [InlineData("İstanbul ıi")]
    [InlineData("😀 日本 zoë")]
    public void Write_GivesTheUtf8OfFilterTextFold(string text) => Check(text, new byte[1]);

    [Fact]
    public void Write_AnyText_GivesTheUtf8OfFilterTextFold() =>
        Gen.String[Gen.Char[Ascii], 0, 40].Select(Gen.String, Gen.Bool)
            .Sample((ascii, any, pickAscii) => Check(pickAscii ? ascii : any, new byte[4]));

    [Fact]
    public void Write_AtAnOffset_AppendsAndKeepsTheBytesBefore() =>
        Gen.String[Gen.Char[Ascii], 0, 20].Select(Gen.String[0, 20]).Sample((first, second) =>
        {
            var buffer = new byte[2];
            var firstLength = FoldedUtf8.Write(first, ref buffer, 0);
            var secondLength = FoldedUtf8.Write(second, ref buffer, firstLength);

            Encoding.UTF8.GetString(buffer, 0, firstLength + secondLength).Should().Be(FilterText.Fold(first) + FilterText.Fold(second));
        });

    private static void Check(string text, byte[] buffer)
    {
        var length = FoldedUtf8.Write(text, ref buffer);

        Encoding.UTF8.GetString(buffer, 0, length).Should().Be(FilterText.Fold(text));
    }
}
