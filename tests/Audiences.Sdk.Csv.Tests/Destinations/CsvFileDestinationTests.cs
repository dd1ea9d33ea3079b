using Audiences.Sdk.Destinations;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Csv.Tests.Destinations;

public sealed class CsvFileDestinationTests : IDisposable
{
    private readonly TempCsv _folder = new();

    [Fact]
    public async Task A_file_that_does_not_exist_yet_is_created_with_the_columns_given_and_the_rows_written()
    {
        var path = _folder.PathOf("new/contacts.csv");
        using var destination = new CsvFileDestination(new CsvFileDestinationOptions(path, "id") { Columns = ["email", "name"] });

        var description = await destination.DescribeAsync();
        var results = await destination.WriteAsync([Create("1", ("email", Text("a@example.com")), ("name", Text("Ada")))]);

        description.ObjectName.Should().Be("contacts");
        description.KeyField.Should().Be("id");
        description.Fields.Should().Equal(new DestinationField("id", FieldType.Text), new("email", FieldType.Text), new("name", FieldType.Text));
        results.Should().OnlyContain(r => r.Succeeded);
        (await File.ReadAllTextAsync(path)).Should().Be("id,email,name\n1,a@example.com,Ada\n");
    }

    [Fact]
    public async Task A_file_that_does_not_exist_without_columns_is_refused_saying_what_to_give()
    {
        using var destination = new CsvFileDestination(new CsvFileDestinationOptions(_folder.PathOf("missing.csv"), "id"));

        var act = async () => await destination.DescribeAsync();

        (await act.Should().ThrowAsync<DestinationUnavailableException>().WithMessage("*missing.csv*does not exist*columns*")).Which.Transient.Should().BeFalse();
        File.Exists(_folder.PathOf("missing.csv")).Should().BeFalse();
    }

    [Fact]
    public async Task A_batch_keeps_the_order_of_rows_updates_in_place_appends_creates_and_drops_removals()
    {
        var path = _folder.Write("id,name,city\n1,Ada,London\n2,Bob,Paris\n3,Cy,Rome\n", "contacts.csv");
        using var destination = Destination(path);

        var results = await destination.WriteAsync(
        [
            Create("9", ("name", Text("Ida"))),
            Update("3", ("city", FieldValue.Empty)),
            Remove("2"),
            Update("1", ("name", Text("Ada L."))),
        ]);

        results.Should().OnlyContain(r => r.Succeeded);
        (await File.ReadAllTextAsync(path)).Should().Be("id,name,city\n1,Ada L.,London\n3,Cy,\n9,Ida,\n");
    }

    [Fact]
    public async Task Values_are_written_as_invariant_text_and_quoted_when_needed()
    {
        var path = _folder.Write("id,note,score,active,seen,tags\n", "contacts.csv");
        using var destination = Destination(path);

        await destination.WriteAsync(
        [
            Create("1", ("note", Text("says \"hi\", then\nleaves")), ("score", FieldValue.FromNumber(1234.5)), ("active", FieldValue.FromBoolean(true)),
                ("seen", FieldValue.FromDateTime(new DateTimeOffset(2026, 3, 1, 10, 30, 0, TimeSpan.FromHours(2)))), ("tags", FieldValue.FromList(["vip", "beta"]))),
        ]);
        var read = await ReadAsync(destination, ["1"], ["note", "score", "active", "seen", "tags"]);

        (await File.ReadAllTextAsync(path)).Should().Be(
            "id,note,score,active,seen,tags\n1,\"says \"\"hi\"\", then\nleaves\",1234.5,true,2026-03-01T08:30:00Z,vip; beta\n");
        read["1"]["note"].Should().Be(Text("says \"hi\", then\nleaves"));
        read["1"]["tags"].Should().Be(Text("vip; beta"));
    }

    [Fact]
    public async Task Unicode_keys_columns_and_values_round_trip()
    {
        var path = _folder.Write("clé,名前\nß,Zoë\n", "unicode.csv", bom: true);
        using var destination = new CsvFileDestination(new CsvFileDestinationOptions(path, "clé"));

        await destination.WriteAsync([Create("日本", ("名前", Text("山田 🙂"))), Update("ß", ("名前", Text("Zoë Ø")))]);
        var read = await ReadAsync(destination, ["日本", "ß"], ["名前"]);

        read["日本"]["名前"].Should().Be(Text("山田 🙂"));
        read["ß"]["名前"].Should().Be(Text("Zoë Ø"));
        (await File.ReadAllTextAsync(path)).Should().Be("clé,名前\nß,Zoë Ø\n日本,山田 🙂\n");
    }

    [Fact]
    public async Task A_retried_batch_after_a_lost_answer_leaves_the_file_as_once()
    {
        var path = _folder.Write("id,name\n1,Ada\n2,Bob\n", "contacts.csv");
        using var destination = Destination(path);
        IReadOnlyList<DestinationWrite> batch = [Create("3", ("name", Text("Cy"))), Create("1", ("name", Text("Ada L."))), Remove("2")];

        await destination.WriteAsync(batch);
        var once = await File.ReadAllTextAsync(path);
        var retried = await destination.WriteAsync(batch);

        retried.Should().OnlyContain(r => r.Succeeded);
        (await File.ReadAllTextAsync(path)).Should().Be(once).And.Be("id,name\n1,Ada L.\n3,Cy\n");
    }

    [Fact]
    public async Task A_crash_before_the_new_file_replaces_the_old_leaves_the_old_file_whole_and_a_restart_applies_the_batch()
    {
        var path = _folder.Write("id,name\n1,Ada\n", "contacts.csv");
        using var crashing = Destination(path);
        await crashing.WriteAsync([Create("2", ("name", Text("Bob")))]);
        var afterFirstBatch = await File.ReadAllTextAsync(path);
        crashing.BeforeReplace = (_, _) => throw new IOException("The process was killed.");

        var act = () => crashing.WriteAsync([Create("3", ("name", Text("Cy"))), Remove("1")]);

        await act.Should().ThrowAsync<DestinationUnavailableException>();
        (await File.ReadAllTextAsync(path)).Should().Be(afterFirstBatch).And.Be("id,name\n1,Ada\n2,Bob\n");
        Directory.GetFiles(_folder.Directory).Should().Equal(path);

        using var restarted = Destination(path);
        (await restarted.WriteAsync([Create("3", ("name", Text("Cy"))), Remove("1")])).Should().OnlyContain(r => r.Succeeded);
        (await File.ReadAllTextAsync(path)).Should().Be("id,name\n2,Bob\n3,Cy\n");
    }

    [Fact]
    public async Task A_temporary_file_a_killed_process_left_behind_is_never_read()
    {
        var path = _folder.Write("id,name\n1,Ada\n", "contacts.csv");
        _folder.Write("id,name\n1,Ad", ".contacts.csv.0123456789abcdef.tmp");
        using var destination = Destination(path);

        var read = await ReadAsync(destination, ["1"], ["name"]);
        await destination.WriteAsync([Update("1", ("name", Text("Ada L.")))]);

        read["1"]["name"].Should().Be(Text("Ada"));
        (await File.ReadAllTextAsync(path)).Should().Be("id,name\n1,Ada L.\n");
    }

    [Fact]
    public async Task A_bad_record_fails_alone_and_a_batch_of_failures_leaves_the_file_untouched()
    {
        var path = _folder.Write("id,name\r\n1,Ada\r\n", "contacts.csv");
        using var destination = Destination(path);
        var before = File.GetLastWriteTimeUtc(path);

        var results = await destination.WriteAsync([Update("404", ("name", Text("N"))), Create("2", ("phone", Text("555")))]);

        results.Single(r => r.Key == "404").Error.Should().Contain("not found");
        results.Single(r => r.Key == "2").Error.Should().Contain("'phone'");
        results.Should().OnlyContain(r => !r.Retryable);
        (await File.ReadAllTextAsync(path)).Should().Be("id,name\r\n1,Ada\r\n");
        File.GetLastWriteTimeUtc(path).Should().Be(before);
    }

    [Fact]
    public async Task A_file_without_the_key_column_or_with_broken_quoting_is_refused_naming_it()
    {
        var noKey = Destination(_folder.Write("email,name\na@example.com,Ada\n", "nokey.csv"));
        var broken = Destination(_folder.Write("id,name\n1,\"Ada\n", "broken.csv"));
        var twice = Destination(_folder.Write("id,name,name\n1,Ada,A\n", "twice.csv"));

        var noKeyAct = async () => await noKey.DescribeAsync();
        var brokenAct = async () => await broken.DescribeAsync();
        var twiceAct = async () => await twice.DescribeAsync();

        await noKeyAct.Should().ThrowAsync<DestinationUnavailableException>().WithMessage("*nokey.csv*no key column 'id'*'email', 'name'*");
        await brokenAct.Should().ThrowAsync<DestinationUnavailableException>().WithMessage("*broken.csv*");
        await twiceAct.Should().ThrowAsync<DestinationUnavailableException>().WithMessage("*twice.csv*'name' twice*");
        noKey.Dispose();
        broken.Dispose();
        twice.Dispose();
    }

    [Fact]
    public async Task A_batch_larger_than_the_batch_size_or_with_a_key_twice_is_refused()
    {
        var path = _folder.Write("id,name\n", "contacts.csv");
        using var small = new CsvFileDestination(new CsvFileDestinationOptions(path, "id") { MaxBatchSize = 1 });

        var tooLarge = () => small.WriteAsync([Create("1"), Create("2")]);
        var twice = () => Destination(path).WriteAsync([Create("1"), Create("1")]);

        await tooLarge.Should().ThrowAsync<ArgumentException>().WithMessage("*at most 1 records, not 2*");
        await twice.Should().ThrowAsync<ArgumentException>().WithMessage("*'1' twice*");
    }

    [Fact]
    public void The_factory_reads_the_settings_and_AddCsvDestination_registers_it_once()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.AddCsvDestination().AddCsvDestination());
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetServices<IDestinationFactory>().Should().ContainSingle().Which.Should().BeOfType<CsvDestinationFactory>().Which;

        var destination = factory.Create(new DestinationSettings("csv", new Dictionary<string, string>
        {
            ["path"] = "out/contacts.csv", ["key-column"] = "id", ["columns"] = "email, name",
        }));
        var missing = () => factory.Create(new DestinationSettings("csv", new Dictionary<string, string> { ["path"] = "x.csv" }));
        var blank = () => factory.Create(new DestinationSettings("csv", new Dictionary<string, string> { ["path"] = "x.csv", ["key-column"] = "id", ["columns"] = "a,,b" }));

        factory.Type.Should().Be("csv");
        var options = destination.Should().BeOfType<CsvFileDestination>().Which.Options;
        options.Path.Should().Be("out/contacts.csv");
        options.KeyColumn.Should().Be("id");
        options.Columns.Should().Equal("email", "name");
        missing.Should().Throw<ArgumentException>().WithMessage("*'key-column'*");
        blank.Should().Throw<ArgumentException>().WithMessage("*'columns'*");
    }

    public void Dispose() => _folder.Dispose();

    private static CsvFileDestination Destination(string path) => new(new CsvFileDestinationOptions(path, "id"));

    private static DestinationWrite Create(string key, params (string Field, FieldValue Value)[] values) => new(key, DestinationWriteKind.Create, Values(values));

    private static DestinationWrite Update(string key, params (string Field, FieldValue Value)[] values) => new(key, DestinationWriteKind.Update, Values(values));

    private static DestinationWrite Remove(string key) => new(key, DestinationWriteKind.Remove, Values());

    private static Dictionary<string, FieldValue> Values(params (string Field, FieldValue Value)[] values) => values.ToDictionary(v => v.Field, v => v.Value);

    private static FieldValue Text(string text) => FieldValue.FromText(text);

    private static async Task<Dictionary<string, IReadOnlyDictionary<string, FieldValue>>> ReadAsync(IDestination destination, string[] keys, string[] fields)
    {
        var records = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>();
        await foreach (var record in destination.ReadAsync(new DestinationReadRequest(keys, fields)))
        {
            records.Add(record.Key, record.Values);
        }

        return records;
    }
}
