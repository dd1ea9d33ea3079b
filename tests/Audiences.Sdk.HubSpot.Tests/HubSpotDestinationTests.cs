using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Fakes.HubSpot;

namespace Audiences.Sdk.HubSpot.Tests;

public sealed class HubSpotDestinationTests : IAsyncLifetime
{
    private HubSpotFake _fake = null!;

    public async Task InitializeAsync() => _fake = await HubSpotFake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Upserts_by_email_in_calls_of_one_hundred_and_answers_each_record()
    {
        _fake.Add("contacts", new Dictionary<string, string> { ["email"] = "p0@example.com", ["firstname"] = "Old" });
        var destination = Create("email");
        var writes = Enumerable.Range(0, 150).Select(i => new DestinationWrite($"p{i}@example.com", DestinationWriteKind.Create, Values(("firstname", $"N{i}")))).ToList();

        var results = await destination.WriteAsync(writes);

        results.Select(r => r.Key).Should().BeEquivalentTo(writes.Select(w => w.Key));
        results.Should().OnlyContain(r => r.Succeeded);
        _fake.CallsTo("POST", "/crm/v3/objects/contacts/batch/upsert").Should().Be(2);
        _fake.Records("contacts").Should().HaveCount(150, "the contact held is updated, not created again");
        _fake.Records("contacts").Single(r => r.Properties["email"] == "p0@example.com").Properties["firstname"].Should().Be("N0");
    }

    [Fact]
    public async Task A_rejected_record_fails_alone_with_HubSpots_message()
    {
        var a = _fake.Add("contacts", new Dictionary<string, string> { ["phone"] = "1" });
        var b = _fake.Add("contacts", new Dictionary<string, string> { ["phone"] = "2" });
        _fake.Faults.Rejected[b.Id] = "Phone number is not valid";
        var destination = Create("id");

        var c = _fake.Add("contacts", new Dictionary<string, string> { ["phone"] = "3" });

        // The rejected record first, and HubSpot's results out of input order: only matching by id answers each right.
        var results = await destination.WriteAsync([Update(b.Id, ("phone", "x")), Update(a.Id, ("phone", "+44")), Update(c.Id, ("phone", "+33"))]);

        results.Select(r => r.Key).Should().Equal(b.Id, a.Id, c.Id);
        results.Single(r => r.Key == a.Id).Succeeded.Should().BeTrue();
        results.Single(r => r.Key == c.Id).Succeeded.Should().BeTrue();
        _fake.Find("contacts", c.Id)!.Properties["phone"].Should().Be("+33");
        var failed = results.Single(r => r.Key == b.Id);
        failed.Error.Should().Contain("Phone number is not valid");
        failed.Retryable.Should().BeFalse();
        _fake.Find("contacts", b.Id)!.Properties["phone"].Should().Be("2");
    }

    [Fact]
    public async Task Updates_by_id_in_calls_of_one_hundred()
    {
        var ids = Enumerable.Range(0, 150).Select(i => _fake.Add("contacts", new Dictionary<string, string> { ["phone"] = "0" }).Id).ToList();

        var results = await Create("id").WriteAsync([.. ids.Select(id => Update(id, ("phone", "+1" + id)))]);

        results.Should().HaveCount(150).And.OnlyContain(r => r.Succeeded);
        _fake.CallsTo("POST", "/crm/v3/objects/contacts/batch/update").Should().Be(2);
        _fake.Records("contacts").Should().OnlyContain(r => r.Properties["phone"] == "+1" + r.Id);
    }

    [Fact]
    public async Task A_record_not_found_fails_alone_and_is_not_retried()
    {
        var a = _fake.Add("contacts", new Dictionary<string, string> { ["phone"] = "1" });

        var results = await Create("id").WriteAsync([Update("999999", ("phone", "2")), Update(a.Id, ("phone", "3"))]);

        results.Single(r => r.Key == a.Id).Succeeded.Should().BeTrue();
        results.Single(r => r.Key == "999999").Should().Match<DestinationResult>(r => !r.Succeeded && !r.Retryable && r.Error!.Contains("Object not found"));
    }

    [Fact]
    public async Task A_server_error_fails_the_call_as_transient()
    {
        _fake.Faults.FailNext();

        var act = () => Create("id").WriteAsync([Update("1", ("phone", "1"))]);

        var thrown = (await act.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.Transient.Should().BeTrue();
        thrown.Message.Should().Contain("HTTP 502");
    }

    [Fact]
    public async Task A_rate_limit_fails_the_call_with_the_wait_the_headers_name()
    {
        _fake.Faults.RateLimitInterval = TimeSpan.FromSeconds(10);
        _fake.Faults.RateLimitNext();

        var act = () => Create("id").WriteAsync([Update("1", ("phone", "1"))]);

        var thrown = (await act.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(10));
        thrown.Transient.Should().BeTrue();
    }

    [Fact]
    public async Task A_refused_token_is_not_transient()
    {
        _fake.Faults.TokenExpired = true;

        var act = () => Create("id").WriteAsync([Update("1", ("phone", "1"))]);

        (await act.Should().ThrowAsync<DestinationUnavailableException>()).Which.Transient.Should().BeFalse();
    }

    [Fact]
    public async Task Reads_the_keys_asked_by_a_unique_property()
    {
        _fake.Add("contacts", new Dictionary<string, string> { ["email"] = "ada@example.com", ["firstname"] = "Ada" });

        var records = await Create("email").ReadAsync(new DestinationReadRequest(["ada@example.com", "nobody@example.com"], ["firstname"])).ToListAsync();

        records.Should().ContainSingle().Which.Values["firstname"].ToString().Should().Be("Ada");
    }

    private IDestination Create(string key) => new HubSpotDestinationFactory().Create(new DestinationSettings("hubspot", new Dictionary<string, string>
    {
        ["base-url"] = _fake.BaseUrl.ToString(),
        ["token"] = _fake.Token,
        ["object"] = "contacts",
        ["key"] = key,
    }));

    private static DestinationWrite Update(string key, params (string Field, string Value)[] values) => new(key, DestinationWriteKind.Update, Values(values));

    private static Dictionary<string, FieldValue> Values(params (string Field, string Value)[] values) =>
        values.ToDictionary(v => v.Field, v => FieldValue.FromText(v.Value), StringComparer.Ordinal);
}
