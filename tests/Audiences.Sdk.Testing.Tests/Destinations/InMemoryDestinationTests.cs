using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Destinations;

namespace Audiences.Sdk.Testing.Tests.Destinations;

public class InMemoryDestinationTests
{
    [Fact]
    public async Task DescribeAsync_Options_DescribesThemWithTheKeyAmongTheFields()
    {
        var destination = new InMemoryDestination(new InMemoryDestinationOptions
        {
            ObjectName = "leads",
            KeyField = "lead_id",
            Fields = [new("email", FieldType.Text)],
            MaxBatchSize = 7,
            MaxReadSize = 9,
            CanRemove = false,
        });

        var description = await destination.DescribeAsync();

        description.ObjectName.Should().Be("leads");
        description.KeyField.Should().Be("lead_id");
        description.Fields.Should().BeEquivalentTo([new DestinationField("lead_id", FieldType.Text), new DestinationField("email", FieldType.Text)]);
        description.MaxBatchSize.Should().Be(7);
        description.MaxReadSize.Should().Be(9);
        description.CanRead.Should().BeTrue();
        description.CanCreate.Should().BeTrue();
        description.CanRemove.Should().BeFalse();
    }

    [Fact]
    public async Task ReadAsync_SeededRecords_ReturnsOnlyHeldKeysAndAskedFields()
    {
        var destination = Seeded();

        var records = await destination.ReadAsync(new DestinationReadRequest(["a", "missing", "b"], ["email"])).ToListAsync();

        records.Select(r => r.Key).Should().Equal("a", "b");
        records[0].Values.Should().BeEquivalentTo(new Dictionary<string, FieldValue> { ["email"] = Text("a@example.com") });
        records[1].Values.Should().BeEquivalentTo(new Dictionary<string, FieldValue> { ["email"] = FieldValue.Empty });
        destination.Reads.Should().ContainSingle().Which.Keys.Should().Equal("a", "missing", "b");
    }

    [Fact]
    public async Task ReadAsync_MoreKeysThanTheReadSize_Throws()
    {
        var destination = new InMemoryDestination(new InMemoryDestinationOptions { MaxReadSize = 2 });

        var act = async () => await destination.ReadAsync(new DestinationReadRequest(["a", "b", "c"], ["email"])).ToListAsync();

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*at most 2 keys, not 3*");
    }

    [Fact]
    public async Task ReadAsync_UnknownFieldOrDestinationThatCannotRead_Throws()
    {
        var unknown = async () => await Seeded().ReadAsync(new DestinationReadRequest(["a"], ["phone"])).ToListAsync();
        var cannot = async () => await new InMemoryDestination(new InMemoryDestinationOptions { CanRead = false })
            .ReadAsync(new DestinationReadRequest(["a"], ["email"])).ToListAsync();

        await unknown.Should().ThrowAsync<ArgumentException>().WithMessage("*'phone'*");
        await cannot.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task WriteAsync_MixedBatch_AppliesEachKindAndAnswersEachRecord()
    {
        var destination = Seeded();

        var results = await destination.WriteAsync(
        [
            new("a", DestinationWriteKind.Update, Values(("name", Text("Ann")), ("email", FieldValue.Empty))),
            new("c", DestinationWriteKind.Create, Values(("email", Text("c@example.com")))),
            new("b", DestinationWriteKind.Remove, Values()),
        ]);

        results.Should().OnlyContain(r => r.Succeeded).And.HaveCount(3);
        destination.Records.Keys.Should().BeEquivalentTo("a", "c");
        destination.Records["a"].Should().BeEquivalentTo(new Dictionary<string, FieldValue> { ["id"] = Text("a"), ["name"] = Text("Ann") });
        destination.Records["c"]["email"].Should().Be(Text("c@example.com"));
    }

    [Fact]
    public async Task WriteAsync_UpdateOfAbsentKey_FailsThatRecordOnlyNotRetryable()
    {
        var destination = Seeded();

        var results = await destination.WriteAsync(
        [
            new("nobody", DestinationWriteKind.Update, Values(("name", Text("N")))),
            new("a", DestinationWriteKind.Update, Values(("name", Text("Ann")))),
        ]);

        results.Single(r => r.Key == "nobody").Should().Match<DestinationResult>(r => !r.Succeeded && !r.Retryable && r.Error!.Contains("not found"));
        results.Single(r => r.Key == "a").Succeeded.Should().BeTrue();
        destination.Records.Should().NotContainKey("nobody");
        destination.Records["a"]["name"].Should().Be(Text("Ann"));
    }

    [Fact]
    public async Task WriteAsync_CreateOfExistingKeyAndRemoveOfAbsentKey_SucceedIdempotently()
    {
        var destination = Seeded();
        IReadOnlyList<DestinationWrite> batch =
        [
            new("a", DestinationWriteKind.Create, Values(("name", Text("Ann")))),
            new("gone", DestinationWriteKind.Remove, Values(("email", Text("gone@example.com")))),
        ];

        var first = await destination.WriteAsync(batch);
        var afterFirst = destination.Records;
        var second = await destination.WriteAsync(batch);

        first.Concat(second).Should().OnlyContain(r => r.Succeeded);
        destination.Records.Should().BeEquivalentTo(afterFirst);
        destination.Records["a"]["email"].Should().Be(Text("a@example.com"), "a create of an existing record sets only the values given");
    }

    [Fact]
    public async Task WriteAsync_UnknownFieldOrWrongType_FailsThatRecordNamingTheField()
    {
        var destination = Seeded();

        var results = await destination.WriteAsync(
        [
            new("a", DestinationWriteKind.Update, Values(("phone", Text("555")))),
            new("b", DestinationWriteKind.Update, Values(("score", Text("high")))),
            new("c", DestinationWriteKind.Create, Values(("score", FieldValue.FromNumber(3)))),
        ]);

        results.Single(r => r.Key == "a").Error.Should().Contain("'phone'");
        results.Single(r => r.Key == "b").Error.Should().Contain("'score'").And.Contain("Number");
        results.Where(r => r.Key != "c").Should().OnlyContain(r => !r.Retryable);
        results.Single(r => r.Key == "c").Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task WriteAsync_WrongTypeWithTypesUnchecked_SetsTheValue()
    {
        var destination = new InMemoryDestination(new InMemoryDestinationOptions { CheckTypes = false });

        var results = await destination.WriteAsync([new("a", DestinationWriteKind.Create, Values(("score", Text("high"))))]);

        results.Single().Succeeded.Should().BeTrue();
        destination.Records["a"]["score"].Should().Be(Text("high"));
    }

    [Fact]
    public async Task WriteAsync_CannotCreateOrRemove_FailsThoseRecords()
    {
        var destination = new InMemoryDestination(new InMemoryDestinationOptions { CanCreate = false, CanRemove = false });
        destination.Seed("a", Values());

        var results = await destination.WriteAsync(
        [
            new("n", DestinationWriteKind.Create, Values()),
            new("a", DestinationWriteKind.Remove, Values()),
        ]);

        results.Should().OnlyContain(r => !r.Succeeded && !r.Retryable);
        destination.Records.Keys.Should().Equal("a");
    }

    [Fact]
    public async Task WriteAsync_BatchLargerThanBatchSizeOrKeyTwice_Throws()
    {
        var destination = new InMemoryDestination(new InMemoryDestinationOptions { MaxBatchSize = 1 });
        var twice = new InMemoryDestination();

        var tooLarge = () => destination.WriteAsync([Create("a"), Create("b")]);
        var repeated = () => twice.WriteAsync([Create("a"), Create("a")]);

        await tooLarge.Should().ThrowAsync<ArgumentException>().WithMessage("*at most 1 records, not 2*");
        await repeated.Should().ThrowAsync<ArgumentException>().WithMessage("*'a' twice*");
        destination.Records.Should().BeEmpty();
        destination.Calls.Should().ContainSingle().Which.Exception.Should().BeOfType<ArgumentException>();
    }

    [Fact]
    public async Task Calls_EveryCall_RecordedInOrderWithItsAnswers()
    {
        var destination = Seeded();

        await destination.DescribeAsync();
        await destination.ReadAsync(new DestinationReadRequest(["a"], ["email"])).ToListAsync();
        await destination.WriteAsync([Create("z")]);

        destination.Calls.Select(c => c.Kind).Should().Equal(
            InMemoryDestinationCallKind.Describe, InMemoryDestinationCallKind.Read, InMemoryDestinationCallKind.Write);
        destination.Calls[2].Results.Should().ContainSingle().Which.Key.Should().Be("z");
        destination.Calls[2].Applied.Should().BeTrue();
        destination.Writes.Select(w => w.Key).Should().Equal("z");
    }

    [Fact]
    public async Task FailNextCall_NextCall_ThrowsBeforeApplyingAndThenRecovers()
    {
        var destination = new InMemoryDestination();
        destination.FailNextCall(new DestinationUnavailableException("rate limited") { RetryAfter = TimeSpan.FromSeconds(5) });

        var act = () => destination.WriteAsync([Create("a")]);

        (await act.Should().ThrowAsync<DestinationUnavailableException>()).Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(5));
        destination.Records.Should().BeEmpty();
        destination.Calls.Single().Applied.Should().BeFalse();
        (await destination.WriteAsync([Create("a")])).Single().Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task LoseNextAnswer_WriteCall_AppliesThenThrowsAndARetryHasTheEffectOfOne()
    {
        var destination = Seeded();
        destination.LoseNextAnswer();
        IReadOnlyList<DestinationWrite> batch = [Create("n"), new("b", DestinationWriteKind.Remove, Values())];

        var act = () => destination.WriteAsync(batch);

        await act.Should().ThrowAsync<DestinationUnavailableException>();
        var afterLostAnswer = destination.Records;
        destination.Calls.Single().Applied.Should().BeTrue();
        (await destination.WriteAsync(batch)).Should().OnlyContain(r => r.Succeeded);
        destination.Records.Should().BeEquivalentTo(afterLostAnswer);
        destination.Records.Keys.Should().BeEquivalentTo("a", "n");
    }

    [Fact]
    public async Task FailKey_ScriptedTimes_FailsThatKeyThenApplies()
    {
        var destination = new InMemoryDestination();
        destination.FailKey("a", "locked", retryable: true, times: 2);

        var first = await destination.WriteAsync([Create("a"), Create("b")]);
        var second = await destination.WriteAsync([Create("a")]);
        var third = await destination.WriteAsync([Create("a")]);

        first.Single(r => r.Key == "a").Should().Match<DestinationResult>(r => r.Error == "locked" && r.Retryable);
        first.Single(r => r.Key == "b").Succeeded.Should().BeTrue();
        second.Single().Succeeded.Should().BeFalse();
        third.Single().Succeeded.Should().BeTrue();
        destination.Records.Keys.Should().BeEquivalentTo("a", "b");
    }

    [Fact]
    public async Task Faults_SameSeed_SameFailuresSomeRateLimitedSomeServerErrors()
    {
        var first = await FailuresAsync(seed: 7);
        var second = await FailuresAsync(seed: 7);

        second.Should().Equal(first);
        first.Should().Contain("429").And.Contain("503").And.Contain("ok").And.Contain("lost");
    }

    [Fact]
    public void Factory_NamedDestinations_ServesTheSameInstanceAndRefusesUnknownNames()
    {
        var factory = new InMemoryDestinationFactory();
        var crm = factory.Add("crm", Seeded());

        var created = factory.Create(new DestinationSettings("memory", new Dictionary<string, string> { ["name"] = "crm" }));
        var unknown = () => factory.Create(new DestinationSettings("memory", new Dictionary<string, string> { ["name"] = "ads" }));
        var missing = () => factory.Create(new DestinationSettings("memory", new Dictionary<string, string>()));

        factory.Type.Should().Be("memory");
        created.Should().BeSameAs(crm);
        factory.Get("crm").Should().BeSameAs(crm);
        unknown.Should().Throw<ArgumentException>().WithMessage("*'ads'*");
        missing.Should().Throw<ArgumentException>().WithMessage("*'name'*");
    }

    private static async Task<List<string>> FailuresAsync(int seed)
    {
        var destination = new InMemoryDestination(new InMemoryDestinationOptions
        {
            Faults = new() { Seed = seed, UnavailableRate = 0.4, LostAnswerRate = 0.2, RetryAfter = TimeSpan.FromSeconds(9) },
        });
        var outcomes = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            try
            {
                await destination.WriteAsync([Create($"k{i}")]);
                outcomes.Add("ok");
            }
            catch (DestinationUnavailableException e) when (e.RetryAfter == TimeSpan.FromSeconds(9))
            {
                outcomes.Add("429");
            }
            catch (DestinationUnavailableException e) when (e.Message.Contains("lost", StringComparison.Ordinal))
            {
                destination.Records.Should().ContainKey($"k{i}", "a lost answer comes after the batch was applied");
                outcomes.Add("lost");
            }
            catch (DestinationUnavailableException)
            {
                destination.Records.Should().NotContainKey($"k{i}");
                outcomes.Add("503");
            }
        }

        return outcomes;
    }

    private static InMemoryDestination Seeded() => new InMemoryDestination()
        .Seed("a", Values(("email", Text("a@example.com")), ("name", Text("A"))))
        .Seed("b", Values(("name", Text("B"))));

    private static DestinationWrite Create(string key) => new(key, DestinationWriteKind.Create, Values(("name", Text(key))));

    private static FieldValue Text(string text) => FieldValue.FromText(text);

    private static Dictionary<string, FieldValue> Values(params (string Field, FieldValue Value)[] values) =>
        values.ToDictionary(v => v.Field, v => v.Value, StringComparer.Ordinal);
}
