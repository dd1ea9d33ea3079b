using Audiences.Sdk.Import;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Tests.Import;

public sealed class ProfileImporterTests : IDisposable
{
    private StoreWorkspace? _store;

    public void Dispose() => _store?.Dispose();

    /// <summary>The service of the test's store, which the first call opens with the given settings.</summary>
    private IProfileService Service(int batchSize = 10, int maxErrors = 1000)
    {
        _store ??= StoreWorkspace.Create(
            b => b.UseInMemory(),
            new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            o =>
            {
                o.ImportBatchSize = batchSize;
                o.MaxReportedErrors = maxErrors;
            });
        return _store.Service;
    }

    [Fact]
    public async Task ImportAsync_ReportsProgressAfterEachCommittedBatch()
    {
        var reports = new List<ImportProgress>();
        var progress = new SynchronousProgress(reports.Add);

        await Service(batchSize: 10).ImportAsync(Rows(25), new ImportOptions(EntityKind.Person), progress);

        reports.Select(r => r.Batches).Should().Equal(1, 2, 3);
        reports.Select(r => r.Read).Should().Equal(10, 20, 25);
        reports[^1].Created.Should().Be(25);
    }

    [Fact]
    public async Task ImportAsync_ManyRejections_CountsAllButReportsOnlyTheLimit()
    {
        var rows = Enumerable.Range(1, 30).Select(i => SourceRow.Rejected(new ImportError("bad row") { Line = i + 1 })).ToAsyncEnumerable();

        var result = await Service(batchSize: 7, maxErrors: 5).ImportAsync(rows, new ImportOptions(EntityKind.Person));

        result.Rejected.Should().Be(30);
        result.Errors.Select(e => e.Line).Should().Equal(2L, 3L, 4L, 5L, 6L);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task ImportAsync_InvalidBatchSize_ThrowsNamingTheOption(int batchSize)
    {
        var act = () => Service().ImportAsync(Rows(1), new ImportOptions(EntityKind.Person) { BatchSize = batchSize });
        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*BatchSize*");
    }

    [Fact]
    public async Task ImportAsync_InvalidMatchField_ThrowsBeforeWriting()
    {
        var act = () => Service().ImportAsync(Rows(1), new ImportOptions(EntityKind.Person) { MatchOn = ["E-mail"] });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*'E-mail'*");
        (await _store!.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(0);
    }

    [Fact]
    public async Task ImportAsync_InvalidFieldKey_RejectsTheRecordNamingTheField()
    {
        var record = new SourceRecord(new SourceRecordKey("api", "people", "1"), EntityKind.Person, SourceKind.Upsert,
            new Dictionary<string, FieldValue> { ["Bad Key"] = FieldValue.FromText("x") });

        var result = await Service().UpsertAsync([record], new ImportOptions(EntityKind.Person));

        result.Rejected.Should().Be(1);
        result.Errors.Single().Field.Should().Be("Bad Key");
        result.Errors.Single().ToString().Should().Contain("api/people/1").And.Contain("Bad Key");
    }

    [Fact]
    public async Task ImportAsync_ValueOfAnotherTypeThanTheField_RejectedNamingTypesAsUsersWriteThem()
    {
        var service = Service();
        await service.UpsertAsync([Scored("1", FieldValue.FromNumber(42))], new ImportOptions(EntityKind.Person));

        var result = await service.UpsertAsync([Scored("2", FieldValue.FromText("high"))], new ImportOptions(EntityKind.Person));

        var error = result.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("score");
        error.Message.Should().Contain("holds number values but the record gives text 'high'").And.NotContain("Number").And.NotContain("Text");
    }

    [Fact]
    public async Task LockFieldAsync_ValueOfAnotherType_ThrowsNamingTypesAsUsersWriteThem()
    {
        var service = Service();
        await service.UpsertAsync([Scored("1", FieldValue.FromNumber(42))], new ImportOptions(EntityKind.Person));

        var act = () => service.LockFieldAsync(new ProfileId(1), "score", FieldValue.FromList(["a", "b"]));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("Field 'score' holds number values; a list value cannot be locked on it.*");
    }

    [Fact]
    public async Task ImportAsync_BlankExternalId_IsRejected()
    {
        var record = new SourceRecord(new SourceRecordKey("api", "people", " "), EntityKind.Person, SourceKind.Upsert,
            new Dictionary<string, FieldValue>());

        var result = await Service().UpsertAsync([record], new ImportOptions(EntityKind.Person));

        result.Errors.Single().Message.Should().Contain("external id");
    }

    [Fact]
    public async Task ImportAsync_IncompleteConvertedToKey_IsRejected()
    {
        var record = new SourceRecord(new SourceRecordKey("salesforce", "Lead", "00Q1"), EntityKind.Person, SourceKind.CrmLead,
            new Dictionary<string, FieldValue>()) { ConvertedTo = new SourceRecordKey("salesforce", "Contact", "") };

        var result = await Service().UpsertAsync([record], new ImportOptions(EntityKind.Person));

        result.Rejected.Should().Be(1);
        result.Errors.Single().Message.Should().Contain("ConvertedTo");
    }

    [Fact]
    public async Task UpsertAsync_NullRecord_Throws()
    {
        var act = () => Service().UpsertAsync([null!], new ImportOptions(EntityKind.Person));
        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task ImportAsync_ListValuesOfAnAliasField_EachServeAsAlias()
    {
        var record = new SourceRecord(new SourceRecordKey("api", "people", "1"), EntityKind.Person, SourceKind.Upsert,
            new Dictionary<string, FieldValue> { ["email"] = FieldValue.FromList(["a@example.com", "b@example.com"]) });
        var service = Service();
        await service.UpsertAsync([record], new ImportOptions(EntityKind.Person));

        (await service.FindProfileAsync(EntityKind.Person, "email", "B@example.com")).Should().NotBeNull();
    }

    private static IAsyncEnumerable<SourceRow> Rows(int count) =>
        Enumerable.Range(1, count)
            .Select(i => SourceRow.Of(new SourceRecord(
                new SourceRecordKey("file", "rows", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), EntityKind.Person, SourceKind.Csv,
                new Dictionary<string, FieldValue> { ["email"] = FieldValue.FromText($"p{i}@example.com") })))
            .ToAsyncEnumerable();

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    private static SourceRecord Scored(string id, FieldValue score) =>
        new(new SourceRecordKey("api", "people", id), EntityKind.Person, SourceKind.Upsert,
            new Dictionary<string, FieldValue> { ["email"] = FieldValue.FromText($"p{id}@example.com"), ["score"] = score });
}
