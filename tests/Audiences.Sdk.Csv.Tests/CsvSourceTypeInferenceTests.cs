using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv.Tests;

public sealed class CsvSourceTypeInferenceTests : IDisposable
{
    private readonly TempCsv _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("12;-3.5;1e3;0", FieldType.Number)]
    [InlineData("02134;10001", FieldType.Text)]
    [InlineData("true;FALSE;True", FieldType.Boolean)]
    [InlineData("yes;no", FieldType.Text)]
    [InlineData("1;0;1", FieldType.Number)]
    [InlineData("2026-01-31;2025-12-01", FieldType.DateTime)]
    [InlineData("2026-01-31T09:30:00Z;2026-02-01 10:00:00", FieldType.DateTime)]
    [InlineData("31/01/2026;2026-01-31", FieldType.Text)]
    [InlineData("12;true", FieldType.Text)]
    [InlineData("12;2026-01-31", FieldType.Text)]
    [InlineData("hello;12", FieldType.Text)]
    public async Task ReadAsync_NewField_TypeIsInferredFromAllValues(string values, FieldType expected)
    {
        var cells = values.Split(';');
        var path = _files.Write("email,value\n" + string.Concat(cells.Select((v, i) => $"p{i}@example.com,{v}\n")));

        var rows = await TempCsv.ReadAsync(path);

        rows.Should().HaveCount(cells.Length).And.OnlyContain(r => r.Record != null);
        rows.Select(r => r.Record!.Values["value"].Type).Should().AllBeEquivalentTo(expected);
    }

    [Fact]
    public async Task ReadAsync_InferredTypes_ParseValues()
    {
        var path = _files.Write("zip,employees,active,signed_up\n,\"  \",,\n02134,120,true,2026-01-31\n");

        var rows = await TempCsv.ReadAsync(path);

        var values = rows[1].Record!.Values;
        values["zip"].AsText().Should().Be("02134");
        values["employees"].AsNumber().Should().Be(120);
        values["active"].AsBoolean().Should().BeTrue();
        values["signed_up"].AsDateTime().Should().Be(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero));
        rows[0].Record!.Values.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_DisagreeingValueLateInFile_MakesColumnTextWhenWholeFileIsSampled()
    {
        var lines = Enumerable.Range(1, 2_000).Select(i => $"p{i}@example.com,{(i == 1_999 ? "n/a" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        var path = _files.Write("email,score\n" + string.Join("\n", lines) + "\n");

        var rows = await TempCsv.ReadAsync(path);

        rows.Should().HaveCount(2_000).And.OnlyContain(r => r.Record != null && r.Record.Values["score"].Type == FieldType.Text);
    }

    [Fact]
    public async Task ReadAsync_SampleRows_OnlyTheFirstRowsDecide()
    {
        var path = _files.Write("email,score\na@example.com,1\nb@example.com,2\nc@example.com,n/a\n");

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { SampleRows = 2 });

        rows[0].Record!.Values["score"].Type.Should().Be(FieldType.Number);
        rows[2].Error!.Field.Should().Be("score");
    }

    [Fact]
    public async Task ReadAsync_MalformedRows_DoNotVote()
    {
        var path = _files.Write("email,score\na@example.com,1\nb@example.com,x,extra\nc@example.com,3\n");

        var rows = await TempCsv.ReadAsync(path);

        rows[0].Record!.Values["score"].Type.Should().Be(FieldType.Number);
        rows[1].Error.Should().NotBeNull();
        rows[2].Record!.Values["score"].AsNumber().Should().Be(3);
    }
}
