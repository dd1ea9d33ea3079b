using Audiences.Sdk.Profiles;
using Audiences.Sdk.Salesforce;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Testing.Fakes.Salesforce;

namespace Audiences.Sdk.Salesforce.Tests;

public sealed class SalesforceSourceTests : IAsyncLifetime
{
    private SalesforceTestOrg _org = null!;

    public async Task InitializeAsync() => _org = await SalesforceTestOrg.StartAsync();

    public async Task DisposeAsync() => await _org.DisposeAsync();

    private static SourceReadRequest Full(string objectName = "Contact", int batchSize = 2) => new(objectName, SourceReadMode.Full, "Id") { BatchSize = batchSize };

    private static SourceReadRequest Incremental(string? cursor, string objectName = "Contact") => new(objectName, SourceReadMode.Incremental, "Id") { Cursor = cursor, TimestampField = "SystemModstamp" };

    [Fact]
    public async Task FullRead_PagesByLocatorUntilItIsNull_AndMapsTheStandardFields()
    {
        for (var i = 1; i <= 5; i++)
        {
            _org.PutContact($"003{i}", $"p{i}@example.com", SalesforceTestOrg.Start.AddMinutes(i));
        }

        var batches = await SalesforceTestOrg.ReadAllAsync(_org.Source("Contact"), Full(batchSize: 2));

        batches.Select(b => b.Items.Count).Should().Equal(2, 2, 1);
        _org.Fake.Calls(SalesforceFakeEndpoints.QueryResults).Should().Be(3, "one call per page, the last one's locator being null");
        _org.Fake.Calls(SalesforceFakeEndpoints.QueryCreate).Should().Be(1);
        var first = batches[0].Items[0];
        first.ExternalId.Should().Be("0031");
        first.Values["email"].Should().Be(FieldValue.FromText("p1@example.com"));
        first.Values["first_name"].Should().Be(FieldValue.FromText("F0031"));
        first.Values["last_name"].Should().Be(FieldValue.FromText("L0031"));
        first.Values["SystemModstamp"].Should().Be(FieldValue.FromDateTime(SalesforceTestOrg.Start.AddMinutes(1)));
        _org.Fake.Queries.Single().Should().NotContain("WHERE", "a full read selects every live record");
    }

    [Fact]
    public async Task FullRead_OnlyTheLastBatchCarriesTheNewCursor()
    {
        for (var i = 1; i <= 3; i++)
        {
            _org.PutContact($"003{i}", $"p{i}@example.com", SalesforceTestOrg.Start.AddMinutes(i));
        }

        var batches = await SalesforceTestOrg.ReadAllAsync(_org.Source("Contact"), Full(batchSize: 2));

        DateTimeOffset.Parse(batches[0].Cursor!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(DateTimeOffset.UnixEpoch,
            "results come unordered, so a cursor before the end could skip records; a resumed first read starts over");
        DateTimeOffset.Parse(batches[^1].Cursor!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(SalesforceTestOrg.Start.AddMinutes(3));
    }

    [Fact]
    public async Task Read_ResumedFromAnIntermediateCursor_ReadsEverythingAgain()
    {
        for (var i = 1; i <= 3; i++)
        {
            _org.PutContact($"003{i}", $"p{i}@example.com", SalesforceTestOrg.Start.AddMinutes(i));
        }

        var source = _org.Source("Contact");
        var first = await SalesforceTestOrg.ReadAllAsync(source, Incremental(null) with { BatchSize = 2 });
        var resumed = await SalesforceTestOrg.ReadAllAsync(source, Incremental(first[0].Cursor));

        resumed.SelectMany(b => b.Items).Should().HaveCount(3);
        _org.Fake.Queries[^1].Should().NotContain("WHERE");
    }

    [Fact]
    public async Task Read_ThatFindsNothing_StillEndsWithACursor()
    {
        var batches = await SalesforceTestOrg.ReadAllAsync(_org.Source("Contact"), Incremental(null));

        batches.Should().ContainSingle().Which.Cursor.Should().NotBeNull();
    }

    [Fact]
    public async Task Read_PollsTheJobUntilComplete()
    {
        _org.PutContact("0031", "a@example.com", SalesforceTestOrg.Start);
        _org.Fake.PollsToComplete = 4;

        var batches = await SalesforceTestOrg.ReadAllAsync(_org.Source("Contact"), Full());

        batches.SelectMany(b => b.Items).Should().ContainSingle();
        _org.Fake.Calls(SalesforceFakeEndpoints.QueryPoll).Should().Be(4, "InProgress three times, then JobComplete");
    }

    [Fact]
    public async Task Read_PollsAQueuedThenRunningJob_WithBackoff_AndReadsResultsOnlyOnceComplete()
    {
        _org.PutContact("0031", "a@example.com", SalesforceTestOrg.Start);
        _org.Fake.PollsToComplete = 5;
        _org.Options.PollInterval = TimeSpan.FromSeconds(1);
        _org.Options.MaxPollInterval = TimeSpan.FromSeconds(4);
        var time = new SteppingTimeProvider(SalesforceTestOrg.Start);

        var batches = await SalesforceTestOrg.ReadAllAsync(_org.Source("Contact", time), Full());

        batches.SelectMany(b => b.Items).Should().ContainSingle("UploadComplete (queued) and InProgress are polled through; results are read at JobComplete");
        _org.Fake.Calls(SalesforceFakeEndpoints.QueryPoll).Should().Be(5);
        time.Waits.Select(w => w.TotalSeconds).Should().Equal([1, 2, 4, 4, 4], "the wait before each poll doubles up to the maximum");
    }

    [Fact]
    public async Task Read_OfAJobThatOutlivesTheTimeout_IsUnavailable()
    {
        _org.Fake.PollsToComplete = int.MaxValue;
        _org.Options.PollInterval = TimeSpan.FromSeconds(1);
        _org.Options.MaxPollInterval = TimeSpan.FromSeconds(4);
        _org.Options.JobTimeout = TimeSpan.FromSeconds(10);
        var time = new SteppingTimeProvider(SalesforceTestOrg.Start);

        var read = () => SalesforceTestOrg.ReadAllAsync(_org.Source("Contact", time), Full());

        (await read.Should().ThrowAsync<SourceUnavailableException>()).Which.Message.Should().Contain("still InProgress");
        _org.Fake.Calls(SalesforceFakeEndpoints.QueryPoll).Should().Be(4, "polls after 1, 3, 7 and 11 seconds; the last is past the 10 allowed");
        _org.Fake.Calls(SalesforceFakeEndpoints.QueryResults).Should().Be(0);
    }

    [Fact]
    public async Task Read_OfAJobThatIsAborted_StopsPolling_AndIsUnavailable()
    {
        _org.PutContact("0031", "a@example.com", SalesforceTestOrg.Start);
        _org.Fake.Faults.AbortedJobs = 1;

        var read = () => SalesforceTestOrg.ReadAllAsync(_org.Source("Contact"), Full());

        (await read.Should().ThrowAsync<SourceUnavailableException>()).Which.Message.Should().Contain("ended Aborted");
        _org.Fake.Calls(SalesforceFakeEndpoints.QueryPoll).Should().Be(_org.Fake.PollsToComplete, "Aborted is final: the job is not polled again");
        _org.Fake.Calls(SalesforceFakeEndpoints.QueryResults).Should().Be(0);
    }

    [Fact]
    public async Task Read_AfterAServerErrorOnEveryAttempt_IsUnavailable()
    {
        _org.Fake.Faults.ServerErrors = 3;

        var read = () => SalesforceTestOrg.ReadAllAsync(_org.Source("Contact"), Full());

        (await read.Should().ThrowAsync<SourceUnavailableException>()).Which.Message.Should().Contain("503");
        _org.Fake.Calls(SalesforceFakeEndpoints.QueryCreate).Should().Be(_org.Options.MaxAttempts);
    }

    [Fact]
    public async Task Read_ParsesQuotedValues_WithCommasDoubledQuotesAndLineBreaks()
    {
        _org.Fake.Put("Contact", "0031", new Dictionary<string, string?>
        {
            ["Email"] = "ada@example.com",
            ["FirstName"] = "Ada, \"the\" Countess",
            ["LastName"] = null,
            ["Title"] = "Head of Engines,\nAnalytical\r\nand Difference",
            ["Phone"] = string.Empty,
        }, SalesforceTestOrg.Start);
        _org.PutContact("0032", "bo@example.com", SalesforceTestOrg.Start);

        var items = (await SalesforceTestOrg.ReadAllAsync(_org.Source("Contact"), Full(batchSize: 10))).SelectMany(b => b.Items).ToList();

        items.Select(i => i.ExternalId).Should().Equal("0031", "0032");
        var ada = items[0].Values;
        ada["first_name"].Should().Be(FieldValue.FromText("Ada, \"the\" Countess"));
        ada["title"].Should().Be(FieldValue.FromText("Head of Engines,\nAnalytical\r\nand Difference"));
        ada.Should().NotContainKey("last_name", "a null comes back as an empty cell, which is no value").And.NotContainKey("phone");
        items[1].Values["email"].Should().Be(FieldValue.FromText("bo@example.com"), "the row after the line breaks starts where it should");
    }

    [Fact]
    public void Backoff_DoublesUpToTheMaximum()
    {
        var delays = new List<TimeSpan>();
        var delay = TimeSpan.FromSeconds(1);
        for (var i = 0; i < 7; i++)
        {
            delays.Add(delay);
            delay = SalesforceBackoff.Next(delay, TimeSpan.FromSeconds(30));
        }

        delays.Select(d => d.TotalSeconds).Should().Equal(1, 2, 4, 8, 16, 30, 30);
    }

    [Fact]
    public async Task IncrementalRead_SelectsFromTheCursorLessTheOverlap_AndAdvancesTheCursor()
    {
        _org.PutContact("0031", "a@example.com", SalesforceTestOrg.Start);
        _org.PutContact("0032", "b@example.com", SalesforceTestOrg.Start.AddMinutes(10));
        var source = _org.Source("Contact", ("overlap", "5m"));
        var first = await SalesforceTestOrg.ReadAllAsync(source, Incremental(null));
        _org.PutContact("0033", "c@example.com", SalesforceTestOrg.Start.AddMinutes(7));
        _org.PutContact("0034", "d@example.com", SalesforceTestOrg.Start.AddMinutes(20));

        var second = await SalesforceTestOrg.ReadAllAsync(source, Incremental(first[^1].Cursor));

        first.SelectMany(b => b.Items).Should().HaveCount(2);
        _org.Fake.Queries[^1].Should().EndWith("WHERE SystemModstamp >= 2026-03-02T08:05:00Z");
        second.SelectMany(b => b.Items).Select(i => i.ExternalId).Should().BeEquivalentTo(["0032", "0033", "0034"],
            "the overlap window reads the last record again and one stamped late but within it");
        DateTimeOffset.Parse(second[^1].Cursor!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(SalesforceTestOrg.Start.AddMinutes(20));
    }

    [Fact]
    public async Task IncrementalRead_UsesQueryAll_AndReportsDeletedRecords()
    {
        _org.PutContact("0031", "a@example.com", SalesforceTestOrg.Start);
        _org.PutContact("0032", "b@example.com", SalesforceTestOrg.Start.AddMinutes(-10));
        var source = _org.Source("Contact", ("overlap", "0s"));
        var first = await SalesforceTestOrg.ReadAllAsync(source, Incremental(null));
        _org.Fake.Delete("Contact", "0031", SalesforceTestOrg.Start.AddMinutes(1));

        var second = await SalesforceTestOrg.ReadAllAsync(source, Incremental(first[^1].Cursor));
        var full = await SalesforceTestOrg.ReadAllAsync(source, Full());

        second.SelectMany(b => b.Deleted).Should().Equal("0031");
        second.SelectMany(b => b.Items).Should().BeEmpty("a deleted record is reported, not handed out");
        _org.Fake.Queries[1].Should().Contain("IsDeleted");
        full.SelectMany(b => b.Items).Select(i => i.ExternalId).Should().Equal("0032");
    }

    [Fact]
    public async Task Read_RefreshesTheTokenOnceWhenTheOrgRefusesIt()
    {
        _org.PutContact("0031", "a@example.com", SalesforceTestOrg.Start);
        var tokens = new RefreshingTokens(_org.Fake);
        _org.Options.TokenProvider = tokens;
        var source = _org.Source("Contact");
        _org.Fake.ExpireToken(_org.Fake.AccessToken);

        var batches = await SalesforceTestOrg.ReadAllAsync(source, Full());

        batches.SelectMany(b => b.Items).Should().ContainSingle();
        tokens.Rejected.Should().Equal(_org.Fake.AccessToken);
    }

    [Fact]
    public async Task Read_WithAnExpiredFixedToken_IsUnavailable()
    {
        _org.Fake.ExpireToken(_org.Fake.AccessToken);

        var read = () => SalesforceTestOrg.ReadAllAsync(_org.Source("Contact"), Full());

        (await read.Should().ThrowAsync<SourceUnavailableException>()).Which.Message.Should().Contain("INVALID_SESSION_ID");
    }

    [Fact]
    public async Task Read_WhenTheApiLimitIsHit_IsUnavailableWithRetryAfter_AndALaterReadSucceeds()
    {
        _org.PutContact("0031", "a@example.com", SalesforceTestOrg.Start);
        _org.Fake.Faults.LimitExceeded = 1;
        var source = _org.Source("Contact");

        var failed = await ((Func<Task>)(() => SalesforceTestOrg.ReadAllAsync(source, Full()))).Should().ThrowAsync<SourceUnavailableException>();
        var later = await SalesforceTestOrg.ReadAllAsync(source, Full());

        failed.Which.RetryAfter.Should().Be(_org.Options.LimitRetryAfter);
        failed.Which.Message.Should().Contain("REQUEST_LIMIT_EXCEEDED");
        later.SelectMany(b => b.Items).Should().ContainSingle();
        ((SalesforceSource)source).LimitInfo.Should().Be($"api-usage={_org.TotalCalls()}/{_org.Fake.ApiLimit}", "the usage the org reported last");
    }

    [Fact]
    public async Task Read_SendsACallAgainAfterAServerError()
    {
        _org.PutContact("0031", "a@example.com", SalesforceTestOrg.Start);
        _org.Fake.Faults.ServerErrors = 2;

        var batches = await SalesforceTestOrg.ReadAllAsync(_org.Source("Contact"), Full());

        batches.SelectMany(b => b.Items).Should().ContainSingle();
        _org.Fake.Calls(SalesforceFakeEndpoints.QueryCreate).Should().Be(3);
    }

    [Fact]
    public async Task Read_OfASlowOrg_HonoursCancellation()
    {
        _org.Fake.Faults.Delay = TimeSpan.FromMinutes(5);
        var source = _org.Source("Contact");
        using var cancel = new CancellationTokenSource();

        var read = async () =>
        {
            await foreach (var unused in source.ReadAsync(Full(), cancel.Token))
            {
            }
        };
        var reading = read.Should().ThrowAsync<OperationCanceledException>();
        await cancel.CancelAsync();

        await reading;
    }

    [Fact]
    public async Task Read_OfAJobThatFails_IsUnavailableWithItsMessage()
    {
        _org.Fake.Faults.FailedJobs = 1;

        var read = () => SalesforceTestOrg.ReadAllAsync(_org.Source("Contact"), Full());

        (await read.Should().ThrowAsync<SourceUnavailableException>()).Which.Message.Should().Contain("ended Failed: InternalServerError : Failed to process query");
        _org.Fake.Calls(SalesforceFakeEndpoints.QueryPoll).Should().Be(_org.Fake.PollsToComplete, "Failed is final: the job is not polled again");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(SalesforceFakeEndpoints.QueryPoll)]
    [InlineData(SalesforceFakeEndpoints.QueryResults)]
    public async Task Read_OfAMalformedAnswer_IsUnavailable(string? endpoint)
    {
        // An HTML page where a job or a CSV page belongs (a proxy's): a results page of it would otherwise read as
        // records without ids, and a full read would report every record it missed as deleted.
        _org.PutContact("0031", "a@example.com", SalesforceTestOrg.Start);
        _org.Fake.Faults.MalformedAnswers = 1;
        _org.Fake.Faults.MalformedEndpoint = endpoint;

        var read = () => SalesforceTestOrg.ReadAllAsync(_org.Source("Contact"), Full());

        (await read.Should().ThrowAsync<SourceUnavailableException>()).Which.Message.Should().Contain("MALFORMED_RESPONSE");
    }

    [Fact]
    public async Task Read_OfLeadsAndContacts_NamesConversionsAndAccounts()
    {
        _org.PutContact("0031", "ada@work.example", SalesforceTestOrg.Start, accountId: "0011");
        _org.Fake.Put("Lead", "00Q1", new Dictionary<string, string?> { ["Email"] = "ada@home.example", ["IsConverted"] = "true", ["ConvertedContactId"] = "0031", ["ConvertedAccountId"] = "0011" }, SalesforceTestOrg.Start);
        _org.Fake.Put("Lead", "00Q2", new Dictionary<string, string?> { ["Email"] = "bo@example.com", ["IsConverted"] = "false" }, SalesforceTestOrg.Start);

        var contact = (await SalesforceTestOrg.ReadAllAsync(_org.Source("Contact"), Full())).SelectMany(b => b.Items).Single();
        var leads = (await SalesforceTestOrg.ReadAllAsync(_org.Source("Lead"), Full("Lead"))).SelectMany(b => b.Items).ToList();

        contact.Account.Should().Be(new SourceReference("Account", "0011"));
        leads.Single(l => l.ExternalId == "00Q1").Should().Match<SourceItem>(l => l.ConvertedTo == new SourceReference("Contact", "0031") && l.Account == new SourceReference("Account", "0011"));
        leads.Single(l => l.ExternalId == "00Q2").ConvertedTo.Should().BeNull();
    }

    [Fact]
    public async Task Read_OfAccounts_MapsWebsiteToDomainAndCustomFieldsByTheirLowerName()
    {
        _org.Fake.Put("Account", "0011", new Dictionary<string, string?> { ["Name"] = "Acme", ["Website"] = "https://www.acme.example/about", ["NumberOfEmployees"] = "250", ["Industry"] = "Retail", ["Score__c"] = "7" }, SalesforceTestOrg.Start);
        var source = _org.Source("Account", ("fields", "Name, Website, NumberOfEmployees, Industry, Score__c"));

        var account = (await SalesforceTestOrg.ReadAllAsync(source, Full("Account"))).SelectMany(b => b.Items).Single();
        var described = (await source.DescribeAsync()).Single();

        account.Values["name"].Should().Be(FieldValue.FromText("Acme"));
        account.Values["domain"].Should().Be(FieldValue.FromText("acme.example"));
        account.Values["employees"].Should().Be(FieldValue.FromNumber(250));
        account.Values["industry"].Should().Be(FieldValue.FromText("Retail"));
        account.Values["score__c"].Should().Be(FieldValue.FromText("7"));
        described.Fields.Select(f => f.Name).Should().Contain(["Id", "name", "domain", "employees", "industry", "score__c", "SystemModstamp"]);
    }

    [Theory]
    [InlineData("object", "Contact; DELETE")]
    [InlineData("instance-url", "not a url")]
    [InlineData("overlap", "soon")]
    [InlineData("api-version", "40.0")]
    public void Create_WithAMalformedSetting_NamesIt(string name, string value)
    {
        var create = () => _org.Source("Contact", (name, value));

        create.Should().Throw<ArgumentException>().WithMessage($"*'{name}'*");
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
