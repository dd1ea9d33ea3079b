using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Salesforce;
using Audiences.Sdk.Testing.Fakes.Salesforce;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Salesforce.Tests;

public sealed class SalesforceDestinationTests : IAsyncLifetime
{
    private SalesforceTestOrg _org = null!;

    public async Task InitializeAsync()
    {
        _org = await SalesforceTestOrg.StartAsync();
        for (var i = 1; i <= 4; i++)
        {
            _org.Fake.Put("Contact", $"003{i}", new Dictionary<string, string?> { ["Email"] = $"p{i}@example.com", ["Ext_Id__c"] = $"x{i}" }, SalesforceTestOrg.Start);
        }
    }

    public async Task DisposeAsync() => await _org.DisposeAsync();

    private IDestination Destination(params (string Name, string Value)[] settings) =>
        new SalesforceDestinationFactory(Options.Create(_org.Options)).Create(new DestinationSettings("salesforce", _org.Settings("Contact", settings)));

    private static DestinationWrite Write(string key, DestinationWriteKind kind, string? score) =>
        new(key, kind, new Dictionary<string, FieldValue> { ["Score__c"] = score is null ? FieldValue.Empty : FieldValue.FromText(score) });

    [Fact]
    public async Task Write_MatchesEachResultByKey_ThoughResultsComeInAnotherOrder()
    {
        _org.Fake.Faults.Rejected["0032"] = "Score__c";
        var destination = Destination(("fields", "Score__c"));

        var results = await destination.WriteAsync([Write("0031", DestinationWriteKind.Update, "1"), Write("0032", DestinationWriteKind.Update, "2"), Write("0033", DestinationWriteKind.Update, "3"), Write("0404", DestinationWriteKind.Update, "4")]);

        results.Should().HaveCount(4);
        results.Where(r => r.Succeeded).Select(r => r.Key).Should().BeEquivalentTo(["0031", "0033"]);
        _org.Fake.Find("Contact", "0031")!["Score__c"].Should().Be("1", "the answer of 0031 is its own, not the row uploaded first");
        _org.Fake.Find("Contact", "0033")!["Score__c"].Should().Be("3");
        var rejected = results.Single(r => r.Key == "0032");
        rejected.Error.Should().StartWith("FIELD_CUSTOM_VALIDATION_EXCEPTION").And.Contain("Score__c");
        rejected.Retryable.Should().BeFalse();
        _org.Fake.Find("Contact", "0032")!.Should().NotContainKey("Score__c", "a rejected record is not applied");
        results.Single(r => r.Key == "0404").Error.Should().StartWith("INVALID_CROSS_REFERENCE_KEY");
        _org.Fake.Calls(SalesforceFakeEndpoints.IngestCreate).Should().Be(1, "one job for the batch");
        _org.Fake.Calls(SalesforceFakeEndpoints.IngestResults).Should().Be(3, "the three result sets");
    }

    [Fact]
    public async Task Write_ByExternalId_MatchesShuffledResultsByTheExternalIdColumn()
    {
        _org.Fake.Faults.Rejected["x3"] = "Score__c";
        var destination = Destination(("key", "Ext_Id__c"), ("fields", "Score__c"));
        var writes = new[] { "x1", "x2", "x3", "x4", "x7", "x8" }.Select((k, i) => Write(k, DestinationWriteKind.Create, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var results = await destination.WriteAsync(writes);

        results.Select(r => r.Key).Should().Equal(writes.Select(w => w.Key), "each write is answered, in the order written");
        results.Where(r => !r.Succeeded).Select(r => r.Key).Should().Equal("x3");
        results.Single(r => r.Key == "x3").Error.Should().StartWith("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        _org.Fake.Find("Contact", "0032")!["Score__c"].Should().Be("2");
        _org.Fake.Ids("Contact").Should().HaveCount(6, "x7 and x8 were created");
        _org.Fake.Calls(SalesforceFakeEndpoints.IngestCreate).Should().Be(1);
    }

    [Fact]
    public async Task Write_LeavesAFieldAWriteDoesNotName_AsItIs()
    {
        _org.Fake.Put("Contact", "0032", new Dictionary<string, string?> { ["Score__c"] = "5" }, SalesforceTestOrg.Start);
        var destination = Destination();

        var results = await destination.WriteAsync(
        [
            new DestinationWrite("0031", DestinationWriteKind.Update, new Dictionary<string, FieldValue> { ["Score__c"] = FieldValue.FromText("1") }),
            new DestinationWrite("0032", DestinationWriteKind.Update, new Dictionary<string, FieldValue> { ["Email"] = FieldValue.FromText("new@example.com") }),
        ]);

        results.Should().OnlyContain(r => r.Succeeded);
        _org.Fake.Find("Contact", "0032")!["Score__c"].Should().Be("5", "its cell in the Score__c column is empty, which Salesforce ignores; only #N/A clears");
        _org.Fake.Find("Contact", "0032")!["Email"].Should().Be("new@example.com");
        _org.Fake.Find("Contact", "0031")!["Email"].Should().Be("p1@example.com");
    }

    [Fact]
    public async Task Write_QuotesValuesWithCommasQuotesAndLineBreaks()
    {
        const string title = "Head of \"Engines\", Analytical\nand Difference";

        var results = await Destination().WriteAsync([new DestinationWrite("0031", DestinationWriteKind.Update, new Dictionary<string, FieldValue> { ["Title"] = FieldValue.FromText(title) })]);

        results.Single().Succeeded.Should().BeTrue();
        _org.Fake.Find("Contact", "0031")!["Title"].Should().Be(title);
    }

    [Fact]
    public async Task Write_OfMoreThanOneIngestBatch_IsRefusedWithoutAJob()
    {
        var writes = Enumerable.Range(0, SalesforceDestination.MaxBatchSize + 1).Select(i => Write($"003{i}", DestinationWriteKind.Update, "1")).ToList();

        var write = () => Destination().WriteAsync(writes);

        await write.Should().ThrowAsync<ArgumentException>().WithMessage("*10000*");
        _org.Fake.Calls(SalesforceFakeEndpoints.IngestCreate).Should().Be(0);
    }

    [Fact]
    public async Task Write_RefreshesTheTokenOnceWhenTheOrgRefusesIt_AndReportsTheLastUsage()
    {
        var tokens = new RefreshingTokens(_org.Fake);
        _org.Options.TokenProvider = tokens;
        var destination = (SalesforceDestination)Destination();
        _org.Fake.ExpireToken(_org.Fake.AccessToken);

        var results = await destination.WriteAsync([Write("0031", DestinationWriteKind.Update, "1")]);

        results.Single().Succeeded.Should().BeTrue();
        tokens.Rejected.Should().Equal(_org.Fake.AccessToken);
        destination.LimitInfo.Should().Be($"api-usage={_org.TotalCalls()}/{_org.Fake.ApiLimit}");
    }

    [Fact]
    public async Task Write_ByExternalId_UpsertsAndCreates()
    {
        var destination = Destination(("key", "Ext_Id__c"), ("fields", "Score__c, Email"));

        var description = await destination.DescribeAsync();
        var results = await destination.WriteAsync([Write("x2", DestinationWriteKind.Update, "20"), Write("x9", DestinationWriteKind.Create, "90")]);

        description.Should().Match<DestinationDescription>(d => d.KeyField == "Ext_Id__c" && d.CanCreate && !d.CanRemove && d.MaxBatchSize == 10_000);
        results.Should().OnlyContain(r => r.Succeeded).And.HaveCount(2);
        _org.Fake.Find("Contact", "0032")!["Score__c"].Should().Be("20");
        var read = new List<DestinationRecord>();
        await foreach (var record in destination.ReadAsync(new DestinationReadRequest(["x9"], ["Score__c"])))
        {
            read.Add(record);
        }

        read.Should().ContainSingle().Which.Values["Score__c"].Should().Be(FieldValue.FromText("90"));
    }

    [Fact]
    public async Task Write_WhenTheApiLimitIsHit_FailsTheCallWithRetryAfter()
    {
        _org.Fake.Faults.LimitExceeded = 1;

        var write = () => Destination().WriteAsync([Write("0031", DestinationWriteKind.Update, "1")]);

        var failure = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        failure.RetryAfter.Should().Be(_org.Options.LimitRetryAfter);
        failure.Transient.Should().BeTrue();
        failure.Message.Should().Contain("REQUEST_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Write_WhenTheJobFailsOrIsAborted_FailsTheWholeCall(bool failed)
    {
        if (failed)
        {
            _org.Fake.Faults.FailedJobs = 1;
        }
        else
        {
            _org.Fake.Faults.AbortedJobs = 1;
        }

        var write = () => Destination().WriteAsync([Write("0031", DestinationWriteKind.Update, "1")]);

        (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which.Message.Should().Contain(failed ? "ended Failed" : "ended Aborted");
        _org.Fake.Calls(SalesforceFakeEndpoints.IngestPoll).Should().Be(_org.Fake.PollsToComplete, "a job that ended is not polled again");
        _org.Fake.Find("Contact", "0031")!.Should().NotContainKey("Score__c");
    }

    [Theory]
    [InlineData(SalesforceFakeEndpoints.IngestCreate)]
    [InlineData(SalesforceFakeEndpoints.IngestResults)]
    public async Task Write_OfAMalformedAnswer_FailsTheCallAsTransient(string endpoint)
    {
        _org.Fake.Faults.MalformedAnswers = 1;
        _org.Fake.Faults.MalformedEndpoint = endpoint;

        var write = () => Destination().WriteAsync([Write("0031", DestinationWriteKind.Update, "1")]);

        var failure = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        failure.Transient.Should().BeTrue();
        failure.Message.Should().Contain("MALFORMED_RESPONSE");
    }

    [Fact]
    public async Task Write_OfAnEmptyValue_ClearsTheField()
    {
        _org.Fake.Put("Contact", "0031", new Dictionary<string, string?> { ["Score__c"] = "5" }, SalesforceTestOrg.Start);

        var results = await Destination().WriteAsync([Write("0031", DestinationWriteKind.Update, null)]);

        results.Single().Succeeded.Should().BeTrue();
        _org.Fake.Find("Contact", "0031")!["Score__c"].Should().BeNull("an empty value goes as #N/A, as an empty cell changes nothing");
    }

    [Fact]
    public async Task Write_ByIdOfACreate_FailsItAloneWithoutAJob()
    {
        var results = await Destination().WriteAsync([Write("new", DestinationWriteKind.Create, "1")]);

        results.Single().Should().Match<DestinationResult>(r => !r.Succeeded && !r.Retryable);
        _org.Fake.Calls(SalesforceFakeEndpoints.IngestCreate).Should().Be(0);
    }

    private sealed class RefreshingTokens(SalesforceFake fake) : ISalesforceTokenProvider
    {
        public List<string> Rejected { get; } = [];

        public ValueTask<string> GetTokenAsync(Uri instanceUrl, string? rejectedToken, CancellationToken cancellationToken = default)
        {
            if (rejectedToken is null)
            {
                return ValueTask.FromResult(fake.AccessToken);
            }

            Rejected.Add(rejectedToken);
            return ValueTask.FromResult(fake.IssueToken());
        }
    }
}
