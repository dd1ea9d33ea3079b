using Audiences.Sdk.Ads.Tests.Fakes;
using Audiences.Sdk.Destinations;
using static Audiences.Sdk.Ads.Tests.AdWrites;

namespace Audiences.Sdk.Ads.Tests;

/// <summary>
/// The destination contract as it applies to ad audiences, run against each platform's fake server: one answer per
/// write, idempotent adds and removals, a bad record failing alone, updates as adds, no reads, and whole-call failures
/// as <see cref="DestinationUnavailableException"/>.
/// </summary>
public abstract class AdDestinationSpecification<TServer> : IAsyncLifetime
    where TServer : FakePlatformServer
{
    protected TServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = (TServer)await NewServer().StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    protected abstract TServer NewServer();

    /// <summary>A destination pointed at the fake, with the given token and extra settings.</summary>
    protected abstract IDestination Create(string? token = null, params (string Name, string Value)[] settings);

    /// <summary>The id the fake keeps a member with this email under.</summary>
    protected abstract string MemberId(string email);

    protected abstract string[] ExpectedFields { get; }

    protected abstract int ExpectedMaxBatchSize { get; }

    [Fact]
    public async Task Describe_gives_the_identifier_fields_keyed_by_email_with_adds_and_removes_and_no_reads()
    {
        var description = await Create().DescribeAsync();

        description.KeyField.Should().Be("email");
        description.Fields.Select(f => f.Name).Should().Equal(ExpectedFields);
        description.Fields.Should().OnlyContain(f => f.Type == Profiles.FieldType.Text);
        description.CanRead.Should().BeFalse();
        description.CanCreate.Should().BeTrue();
        description.CanRemove.Should().BeTrue();
        description.MaxBatchSize.Should().Be(ExpectedMaxBatchSize);
    }

    [Fact]
    public void Reading_is_not_supported()
    {
        var read = () => Create().ReadAsync(new DestinationReadRequest(["a@example.com"], ["email"]));

        read.Should().Throw<NotSupportedException>().WithMessage("*cannot be read back*");
    }

    [Fact]
    public async Task Every_write_gets_one_answer_by_key()
    {
        Server.AddMember(MemberId("gone@example.com"));
        var writes = new[]
        {
            Add("a", Email("a@example.com")),
            Update("b", Email("b@example.com")),
            Remove("c", Email("gone@example.com")),
            Add("d", Email("not an email")),
        };

        var results = await Create().WriteAsync(writes);

        results.Select(r => r.Key).Should().BeEquivalentTo("a", "b", "c", "d");
        results.Where(r => r.Succeeded).Select(r => r.Key).Should().BeEquivalentTo("a", "b", "c");
        Server.Members.Should().BeEquivalentTo(MemberId("a@example.com"), MemberId("b@example.com"));
        Server.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task Adding_a_member_twice_keeps_one_member()
    {
        var destination = Create();

        var first = await destination.WriteAsync([Add("a", Email("A@Example.com"))]);
        var second = await destination.WriteAsync([Add("a", Email("a@example.com "))]);

        first.Concat(second).Should().OnlyContain(r => r.Succeeded);
        Server.Members.Should().Equal(MemberId("a@example.com"));
        Server.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task Removing_a_member_twice_succeeds_both_times_and_leaves_it_out()
    {
        Server.AddMember(MemberId("a@example.com"));
        Server.AddMember(MemberId("b@example.com"));
        var destination = Create();

        var first = await destination.WriteAsync([Remove("a", Email("a@example.com"))]);
        var second = await destination.WriteAsync([Remove("a", Email("a@example.com"))]);

        first.Concat(second).Should().OnlyContain(r => r.Succeeded);
        Server.Members.Should().Equal(MemberId("b@example.com"));
        Server.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task An_update_adds_the_member()
    {
        var results = await Create().WriteAsync([Update("a", Email("a@example.com"))]);

        results.Should().ContainSingle().Which.Succeeded.Should().BeTrue();
        Server.Members.Should().Equal(MemberId("a@example.com"));
    }

    [Fact]
    public async Task A_record_without_a_usable_identifier_fails_alone_and_is_not_retried()
    {
        var results = await Create().WriteAsync([Add("good", Email("good@example.com")), Add("bad", Email("no-at-sign.example.com")), Add("empty")]);

        results.Single(r => r.Key == "good").Succeeded.Should().BeTrue();
        foreach (var failed in results.Where(r => r.Key != "good"))
        {
            failed.Succeeded.Should().BeFalse();
            failed.Retryable.Should().BeFalse();
            failed.Error.Should().StartWith("No identifier").And.NotContain("no-at-sign");
        }

        results.Single(r => r.Key == "bad").Error.Should().Contain("the email is not an address");
        Server.Members.Should().Equal(MemberId("good@example.com"));
    }

    [Fact]
    public async Task A_batch_of_only_unusable_records_calls_nobody()
    {
        var results = await Create().WriteAsync([Remove("a"), Add("b", Email("x"))]);

        results.Should().OnlyContain(r => !r.Succeeded && !r.Retryable);
        Server.Calls.Should().Be(0);
    }

    [Fact]
    public async Task More_writes_than_the_batch_limit_are_refused()
    {
        var destination = Create();
        var max = (await destination.DescribeAsync()).MaxBatchSize;

        var write = () => destination.WriteAsync(People(max + 1));

        await write.Should().ThrowAsync<ArgumentException>().WithMessage($"*at most {max}*");
        Server.Calls.Should().Be(0);
    }

    [Fact]
    public async Task A_refused_token_is_not_transient()
    {
        var write = () => Create(token: "expired").WriteAsync([Add("a", Email("a@example.com"))]);

        var thrown = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.Transient.Should().BeFalse();
        thrown.Message.Should().Contain("token");
        Server.Members.Should().BeEmpty();
    }

    [Fact]
    public async Task A_server_error_is_transient()
    {
        Server.FailNext(ServerErrorAsync);

        var write = () => Create().WriteAsync([Add("a", Email("a@example.com"))]);

        var thrown = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.Transient.Should().BeTrue();
        thrown.RetryAfter.Should().BeNull();
    }

    [Fact]
    public async Task A_platform_that_cannot_be_reached_is_transient()
    {
        var endpoint = Server.BaseUrl;
        await Server.DisposeAsync();

        var write = () => CreateAt(endpoint).WriteAsync([Add("a", Email("a@example.com"))]);

        var thrown = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.Transient.Should().BeTrue();
        thrown.Message.Should().Contain("could not be reached");
    }

    [Fact]
    public async Task A_cancelled_write_is_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var write = () => Create().WriteAsync([Add("a", Email("a@example.com"))], cancelled.Token);

        await write.Should().ThrowAsync<OperationCanceledException>();
        Server.Members.Should().BeEmpty();
    }

    /// <summary>A destination at another endpoint (a platform that is gone).</summary>
    protected abstract IDestination CreateAt(Uri endpoint);

    /// <summary>The platform's own answer to a failure on its side.</summary>
    protected abstract Task ServerErrorAsync(Microsoft.AspNetCore.Http.HttpContext context);
}
