using Audiences.Sdk.Profiles;
using CsvHelper;

namespace Audiences.Cli.Output;

/// <summary>
/// Records as CSV (RFC 4180): a header of <c>id</c> and every field of the kind's catalog, then one row per
/// record with each value as the text output writes it (lists joined with "; ", times in ISO 8601, empty when unset).
/// </summary>
internal sealed class MemberCsv : IAsyncDisposable
{
    private readonly CsvWriter _writer;
    private readonly IReadOnlyList<string> _fields;

    private MemberCsv(CsvWriter writer, IReadOnlyList<string> fields)
    {
        _writer = writer;
        _fields = fields;
    }

    /// <summary>Starts the CSV with its header row.</summary>
    public static MemberCsv Start(TextWriter output, IReadOnlyList<FieldDefinition> fields)
    {
        var csv = new MemberCsv(CsvWriter.Create(output, options: null, leaveOpen: true), fields.Select(f => f.Key).ToList());
        csv._writer.WriteRecord(["id", .. csv._fields]);
        return csv;
    }

    public void Write(Profile profile)
    {
        _writer.WriteField(profile.Id.ToString());
        foreach (var field in _fields)
        {
            _writer.WriteField(profile.Values.TryGetValue(field, out var value) ? value.Value.ToString() : string.Empty);
        }

        _writer.EndRecord();
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }
}
