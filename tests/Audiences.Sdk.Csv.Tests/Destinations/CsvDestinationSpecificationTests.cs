using System.Globalization;
using System.Text;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Csv.Tests.Destinations;

/// <summary>The CSV file destination keeps the destination contract, over a file holding the fixture's records.</summary>
public sealed class CsvDestinationSpecificationTests : DestinationSpecification, IDisposable
{
    private readonly TempCsv _folder = new();

    // A CSV file holds text: values compare by their invariant text.
    protected override bool ReportsFieldTypes => false;

    protected override Task<IDestination> CreateDestinationAsync(IReadOnlyList<DestinationRecord> records)
    {
        var text = new StringBuilder("id,email,name,score\n");
        foreach (var record in records)
        {
            text.Append(CultureInfo.InvariantCulture, $"{record.Key},{record.Values["email"]},{record.Values["name"]},{record.Values["score"]}\n");
        }

        var path = _folder.Write(text.ToString(), "contacts.csv");
        return Task.FromResult<IDestination>(new CsvFileDestination(new CsvFileDestinationOptions(path, "id") { MaxBatchSize = 400, MaxReadSize = 60 }));
    }

    public void Dispose() => _folder.Dispose();
}
