using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Samples.Providers.Tests;

public sealed class SampleSequenceActionTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sequence-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task ExecuteAsync_AppendsEachRecordWithWhatWasFound_UnderOneHeader_QuotingCommas()
    {
        var action = new SampleSequenceAction(_path);
        var found = new Dictionary<string, FieldValue> { ["work_email"] = FieldValue.FromText("ada@acme.com"), ["industry"] = FieldValue.FromText("Software, B2B") };

        await action.ExecuteAsync([new RecordActionItem(People.With(1), found)]);
        await action.ExecuteAsync([new RecordActionItem(People.With(2), new Dictionary<string, FieldValue>())]);

        (await File.ReadAllLinesAsync(_path)).Should().Equal(
            "profile_id,found",
            "1,\"industry=Software, B2B; work_email=ada@acme.com\"",
            "2,");
    }

    [Fact]
    public async Task ExecuteAsync_Cancelled_WritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => new SampleSequenceAction(_path).ExecuteAsync([new RecordActionItem(People.With(1), new Dictionary<string, FieldValue>())], cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        File.Exists(_path).Should().BeFalse();
    }
}
