using System.Globalization;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

public abstract partial class DestinationSpecification
{
    private static readonly string[] AllKeys = ["1", "2", "3", "4", "5", "8", "9", "404"];

    /// <summary>A batch of an update, a create and a removal is answered once per write, matched by key.</summary>
    [Fact]
    public virtual async Task A_write_answers_each_record_exactly_once_by_key()
    {
        var destination = await CreateDestinationAsync(Records);
        var description = await destination.DescribeAsync();
        List<DestinationWrite> batch = [Update("1", ("name", Text("Ada L.")))];
        batch.AddRange(description.CanCreate ? [Create("9", ("name", Text("Ida")))] : []);
        batch.AddRange(description.CanRemove ? [Remove("2")] : []);

        var results = await destination.WriteAsync(batch);

        results.Select(r => r.Key).Should().BeEquivalentTo(batch.Select(w => w.Key), "one answer per write, none for others");
        results.Should().OnlyContain(r => r.Succeeded, "every write of the batch is valid");
    }

    /// <summary>An update sets the fields given, clears those given empty, and keeps the others.</summary>
    [Fact]
    public virtual async Task An_update_sets_the_fields_given_and_keeps_the_others()
    {
        var destination = await CreateDestinationAsync(Records);

        var results = await destination.WriteAsync(
        [
            Update("1", ("name", Text("Ada Lovelace")), ("score", FieldValue.FromNumber(10))),
            Update("2", ("score", FieldValue.Empty)),
        ]);

        results.Should().OnlyContain(r => r.Succeeded);
        var state = await StateAsync(destination);
        state.Should().Contain(
            $"1: email={Show(Text("ada@example.com"))}, name={Show(Text("Ada Lovelace"))}, score={Show(FieldValue.FromNumber(10))}");
        state.Should().Contain($"2: email={Show(Text("bob@example.com"))}, name={Show(Text("Bob"))}, score=(empty)");
        state.Where(s => !s.StartsWith("1:", StringComparison.Ordinal) && !s.StartsWith("2:", StringComparison.Ordinal))
            .Should().Equal(State(Held(Records, ["3", "4", "5"]), ValueFields), "records not written are untouched");
    }

    /// <summary>An update of a record not held fails that record, not retryable, creates nothing, and the rest of the batch is applied.</summary>
    [Fact]
    public virtual async Task An_update_of_a_record_not_held_fails_alone()
    {
        var destination = await CreateDestinationAsync(Records);

        var results = await destination.WriteAsync([Update("404", ("name", Text("Nobody"))), Update("4", ("name", Text("Diana")))]);

        var failed = results.Should().ContainSingle(r => r.Key == "404").Which;
        failed.Succeeded.Should().BeFalse("an update needs a record to update");
        failed.Error.Should().NotBeNullOrWhiteSpace();
        failed.Retryable.Should().BeFalse("the record will not be found the next time either");
        results.Single(r => r.Key == "4").Succeeded.Should().BeTrue();
        var state = await StateAsync(destination);
        state.Should().NotContain(s => s.StartsWith("404:", StringComparison.Ordinal));
        state.Should().Contain(s => s.StartsWith("4:", StringComparison.Ordinal) && s.Contains(Show(Text("Diana")), StringComparison.Ordinal));
    }

    /// <summary>A create adds a record with the values given; a create of a record held sets the values given.</summary>
    [Fact]
    public virtual async Task A_create_adds_the_record_or_sets_the_values_of_one_held()
    {
        var destination = await CreateDestinationAsync(Records);
        if (!(await destination.DescribeAsync()).CanCreate)
        {
            return;
        }

        var results = await destination.WriteAsync(
        [
            Create("9", ("email", Text("ida@example.com")), ("name", Text("Ida")), ("score", FieldValue.FromNumber(9))),
            Create("3", ("name", Text("Cyrus")), ("score", FieldValue.FromNumber(3))),
        ]);

        results.Should().OnlyContain(r => r.Succeeded);
        var state = await StateAsync(destination);
        state.Should().Contain($"9: email={Show(Text("ida@example.com"))}, name={Show(Text("Ida"))}, score={Show(FieldValue.FromNumber(9))}");
        state.Should().Contain(s => s.StartsWith("3:", StringComparison.Ordinal)
            && s.Contains($"name={Show(Text("Cyrus"))}, score={Show(FieldValue.FromNumber(3))}", StringComparison.Ordinal));
    }

    /// <summary>A removal removes the record; a removal of a record not held succeeds and changes nothing.</summary>
    [Fact]
    public virtual async Task A_removal_removes_the_record_and_one_of_a_record_not_held_succeeds()
    {
        var destination = await CreateDestinationAsync(Records);
        if (!(await destination.DescribeAsync()).CanRemove)
        {
            return;
        }

        var results = await destination.WriteAsync([Remove("2"), Remove("404")]);

        results.Should().OnlyContain(r => r.Succeeded, "removing a record gone already is what a retried removal does");
        (await StateAsync(destination)).Should().Equal(State(Held(Records, ["1", "3", "4", "5"]), ValueFields));
    }

    /// <summary>The same batch sent twice (a retry after a lost answer) has the effect of sending it once, and succeeds both times.</summary>
    [Fact]
    public virtual async Task The_same_batch_twice_has_the_effect_of_once()
    {
        var destination = await CreateDestinationAsync(Records);
        var description = await destination.DescribeAsync();
        List<DestinationWrite> batch = [Update("1", ("name", Text("Ada L.")), ("score", FieldValue.Empty))];
        batch.AddRange(description.CanCreate ? [Create("9", ("name", Text("Ida")), ("score", FieldValue.FromNumber(9)))] : []);
        batch.AddRange(description.CanRemove ? [Remove("2")] : []);

        var first = await destination.WriteAsync(batch);
        var once = await StateAsync(destination);
        var second = await destination.WriteAsync(batch);
        var twice = await StateAsync(destination);

        first.Concat(second).Should().OnlyContain(r => r.Succeeded);
        twice.Should().Equal(once);
    }

    /// <summary>
    /// A record with a field the destination lacks fails alone, with a reason naming the field; the other records of
    /// its batch are applied.
    /// </summary>
    [Fact]
    public virtual async Task A_bad_record_fails_alone_and_the_rest_of_the_batch_is_applied()
    {
        var destination = await CreateDestinationAsync(Records);

        var results = await destination.WriteAsync(
        [
            Update("1", ("name", Text("Ada L."))),
            Update("2", ("no_such_field", Text("x"))),
            Update("3", ("name", Text("Cyrus"))),
        ]);

        results.Select(r => r.Key).Should().BeEquivalentTo(["1", "2", "3"]);
        var failed = results.Single(r => r.Key == "2");
        failed.Succeeded.Should().BeFalse();
        failed.Error.Should().Contain("no_such_field");
        results.Where(r => r.Key != "2").Should().OnlyContain(r => r.Succeeded, "a bad record does not fail the rest of its batch");
        var state = await StateAsync(destination);
        state.Should().Contain(s => s.StartsWith("1:", StringComparison.Ordinal) && s.Contains(Show(Text("Ada L.")), StringComparison.Ordinal));
        state.Should().Contain(s => s.StartsWith("3:", StringComparison.Ordinal) && s.Contains(Show(Text("Cyrus")), StringComparison.Ordinal));
        state.Should().Contain(State(Held(Records, ["2"]), ValueFields), "the bad record is not applied");
    }

    /// <summary>A batch of the destination's full batch size (up to <see cref="LargestBatchChecked"/>) is taken whole.</summary>
    [Fact]
    public virtual async Task A_batch_of_the_full_batch_size_is_taken()
    {
        var destination = await CreateDestinationAsync(Records);
        var description = await destination.DescribeAsync();
        var size = Math.Min(description.MaxBatchSize, LargestBatchChecked);
        var keys = Enumerable.Range(1, size).Select(i => (i <= Records.Count ? i : 1_000 + i).ToString(CultureInfo.InvariantCulture)).ToList();
        var batch = keys.Select(k => k.Length == 1
            ? Update(k, ("name", Text($"n{k}")))
            : description.CanCreate ? Create(k, ("name", Text($"n{k}"))) : Update(Records[0].Key, ("name", Text($"n{k}")))).ToList();
        batch = [.. batch.DistinctBy(w => w.Key)];

        var results = await destination.WriteAsync(batch);

        results.Should().HaveCount(batch.Count).And.OnlyContain(r => r.Succeeded);
        var held = await ReadBackAsync(destination, [.. batch.Select(w => w.Key)], ["name"]);
        held.Select(r => r.Key).Should().BeEquivalentTo(batch.Select(w => w.Key));
    }

    private async Task<List<string>> StateAsync(IDestination destination) =>
        State(await ReadBackAsync(destination, AllKeys, ValueFields), ValueFields);
}
