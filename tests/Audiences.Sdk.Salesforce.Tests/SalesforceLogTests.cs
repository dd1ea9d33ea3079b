using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Testing.Fakes.Salesforce;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Salesforce.Tests;

public sealed class SalesforceLogTests : IAsyncLifetime
{
    private readonly FakeLoggerProvider _logs = new();
    private readonly LoggerFactory _loggerFactory;
    private SalesforceTestOrg _org = null!;

    public SalesforceLogTests() => _loggerFactory = new LoggerFactory([_logs], new LoggerFilterOptions { MinLevel = LogLevel.Trace });

    public async Task InitializeAsync() => _org = await SalesforceTestOrg.StartAsync();

    public async Task DisposeAsync()
    {
        await _org.DisposeAsync();
        _loggerFactory.Dispose();
        _logs.Dispose();
    }

    private static SourceReadRequest Full => new("Contact", SourceReadMode.Full, "Id") { BatchSize = 1 };

    private ISource Source() =>
        new SalesforceSourceFactory(Options.Create(_org.Options), loggerFactory: _loggerFactory).Create(new SourceSettings("salesforce", _org.Settings("Contact")));

    private IReadOnlyList<FakeLogRecord> Logs(int eventId) => [.. _logs.Collector.GetSnapshot().Where(r => r.Id.Id == eventId)];

    [Fact]
    public async Task ARead_LogsItsJob_EachPage_AndTheJobsCompletionWithItsCount()
    {
        _org.PutContact("0031", "a@example.com", SalesforceTestOrg.Start);
        _org.PutContact("0032", "b@example.com", SalesforceTestOrg.Start);

        await SalesforceTestOrg.ReadAllAsync(Source(), Full);

        var created = Logs(4700).Should().ContainSingle().Subject;
        created.Level.Should().Be(LogLevel.Information);
        created.GetStructuredStateValue("Object").Should().Be("Contact");
        created.GetStructuredStateValue("Operation").Should().Be("query");
        var jobId = created.GetStructuredStateValue("JobId");
        jobId.Should().StartWith("750");
        Logs(4702).Should().ContainSingle().Which.Message.Should().Be($"Salesforce query job {jobId} of Contact is JobComplete: 2 records processed, 0 failed.");
        Logs(4704).Select(r => r.Message).Should().Equal(
            $"Salesforce query job {jobId}: read a result page of 1 records; another page follows: True.",
            $"Salesforce query job {jobId}: read a result page of 1 records; another page follows: False.");
        Logs(4708).Should().NotBeEmpty("every answer's Sforce-Limit-Info is logged at debug");
    }

    [Fact]
    public async Task AServerError_IsLoggedWithTheWaitBeforeTheCallIsSentAgain()
    {
        _org.PutContact("0031", "a@example.com", SalesforceTestOrg.Start);
        _org.Fake.Faults.ServerErrors = 1;

        await SalesforceTestOrg.ReadAllAsync(Source(), Full);

        var retry = Logs(4705).Should().ContainSingle().Subject;
        retry.Level.Should().Be(LogLevel.Warning);
        retry.Message.Should().Be($"Salesforce answered 503 SERVER_UNAVAILABLE; the call is sent again in {_org.Options.PollInterval} (attempt 2 of 3).");
    }

    [Fact]
    public async Task TheApiLimit_IsLoggedWithTheRetryAfter()
    {
        _org.Fake.Faults.LimitExceeded = 1;

        await ((Func<Task>)(() => SalesforceTestOrg.ReadAllAsync(Source(), Full))).Should().ThrowAsync<SourceUnavailableException>();

        Logs(4706).Should().ContainSingle().Which.GetStructuredStateValue("RetryAfter").Should().Be(_org.Options.LimitRetryAfter.ToString());
        Logs(4705).Should().BeEmpty("the daily limit is not sent again at once");
    }

    [Fact]
    public async Task UsagePastTheWarningLevel_IsAWarningOnce()
    {
        _org.PutContact("0031", "a@example.com", SalesforceTestOrg.Start);
        _org.Fake.ApiLimit = 5;

        await SalesforceTestOrg.ReadAllAsync(Source(), Full);

        var warning = Logs(4709).Should().ContainSingle("it warns once per source, not on every call").Subject;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.GetStructuredStateValue("Used").Should().Be("4");
        warning.GetStructuredStateValue("Limit").Should().Be("5");
    }

    [Fact]
    public async Task ATokenRefresh_IsLogged_AndNoLogCarriesATokenOrARecordsValues()
    {
        _org.Fake.Put("Contact", "0031", new Dictionary<string, string?> { ["Email"] = "secret.person@example.com", ["Title"] = "Chief Secret" }, SalesforceTestOrg.Start);
        var fresh = new List<string>();
        _org.Options.TokenProvider = new Tokens(_org.Fake, fresh);
        _org.Fake.ExpireToken(_org.Fake.AccessToken);
        var destination = new SalesforceDestinationFactory(Options.Create(_org.Options), loggerFactory: _loggerFactory).Create(new DestinationSettings("salesforce", _org.Settings("Contact")));

        await SalesforceTestOrg.ReadAllAsync(Source(), Full);
        var results = await destination.WriteAsync([new DestinationWrite("0031", DestinationWriteKind.Update, new Dictionary<string, FieldValue> { ["Title"] = FieldValue.FromText("Chief Secret Two") })]);

        results.Should().OnlyContain(r => r.Succeeded);
        Logs(4707).Should().HaveCount(2, "the source and the destination are each handed the expired token first").And.OnlyContain(r => r.Level == LogLevel.Information);
        Logs(4700).Select(r => r.GetStructuredStateValue("Operation")).Should().Equal("query", "update");
        Logs(4702)[^1].Message.Should().EndWith("is JobComplete: 1 records processed, 0 failed.");
        var all = _logs.Collector.GetSnapshot();
        all.Should().NotBeEmpty();
        foreach (var secret in (string[])[_org.Fake.AccessToken, .. fresh, "secret.person", "Chief Secret"])
        {
            all.Should().NotContain(r => r.Message.Contains(secret, StringComparison.Ordinal), "no log names '{0}'", secret);
        }
    }

    private sealed class Tokens(SalesforceFake fake, List<string> fresh) : ISalesforceTokenProvider
    {
        public ValueTask<string> GetTokenAsync(Uri instanceUrl, string? rejectedToken, CancellationToken cancellationToken = default)
        {
            if (rejectedToken is null)
            {
                return ValueTask.FromResult(fake.AccessToken);
            }

            var token = fake.IssueToken();
            fresh.Add(token);
            return ValueTask.FromResult(token);
        }
    }
}
