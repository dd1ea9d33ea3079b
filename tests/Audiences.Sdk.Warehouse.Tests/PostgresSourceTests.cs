using Audiences.Sdk.Profiles;
using Audiences.Sdk.Warehouse.Tests.Databases;

namespace Audiences.Sdk.Warehouse.Tests;

/// <summary>PostgreSQL's own types as fields and watermarks.</summary>
public sealed class PostgresSourceTests() : SqlSourceTestBase(new PostgresTestDatabase())
{
    [Fact]
    public async Task Describe_reads_the_field_type_of_each_postgres_type()
    {
        var source = Source(
            "SELECT 1::bigint AS big, 2::int AS small, 1.5::numeric AS exact, 2.5::float8 AS approx, true AS flag, " +
            "now() AS stamped, now()::timestamp AS local, current_date AS day, gen_random_uuid() AS uuid, 'x'::text AS label, " +
            "'1 day'::interval AS span, '10:00'::time AS clock, '{}'::jsonb AS doc, ARRAY['a','b'] AS tags");

        var fields = (await source.DescribeAsync())[0].Fields.ToDictionary(f => f.Name, f => f.Type);

        fields.Should().Equal(new Dictionary<string, FieldType>
        {
            ["big"] = FieldType.Number, ["small"] = FieldType.Number, ["exact"] = FieldType.Number, ["approx"] = FieldType.Number,
            ["flag"] = FieldType.Boolean, ["stamped"] = FieldType.DateTime, ["local"] = FieldType.DateTime, ["day"] = FieldType.DateTime,
            ["uuid"] = FieldType.Text, ["label"] = FieldType.Text, ["span"] = FieldType.Text, ["clock"] = FieldType.Text, ["doc"] = FieldType.Text,
            ["tags"] = FieldType.TextList,
        });
    }

    [Fact]
    public async Task Two_columns_of_one_name_are_refused()
    {
        var source = Source($"SELECT a.id, b.id FROM {Db.Table} a JOIN {Db.Table} b ON a.id = b.id");

        await FluentActions.Awaiting(() => source.DescribeAsync().AsTask())
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*two columns named 'id'*");
    }

    [Theory]
    [InlineData("timestamp")]
    [InlineData("timestamptz")]
    public async Task A_timestamp_with_or_without_a_zone_is_a_watermark(string type)
    {
        var table = Db.Table + "_t";
        await Db.ExecuteAsync($"CREATE TABLE {table} (id uuid, updated_at {type})");
        try
        {
            var stampedAt = Now.AddHours(-1);
            var stamp = stampedAt.UtcDateTime;
            var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).OrderBy(g => g.ToString(), StringComparer.Ordinal).ToList();
            foreach (var id in ids)
            {
                await Db.ExecuteAsync($"INSERT INTO {table} VALUES (@p0, @p1)", id, type == "timestamp" ? DateTime.SpecifyKind(stamp, DateTimeKind.Unspecified) : stamp);
            }

            var source = Source($"SELECT * FROM {table}");
            var first = await ReadAsync(source, Incremental(null, batchSize: 2));
            Clock.Advance(TimeSpan.FromMinutes(1));
            await Db.ExecuteAsync($"INSERT INTO {table} VALUES (@p0, @p1)", Guid.NewGuid(), type == "timestamp" ? DateTime.SpecifyKind(Now.UtcDateTime, DateTimeKind.Unspecified) : Now.UtcDateTime);
            var rest = await ReadAsync(source, Incremental(first[0].Cursor));

            Ids(first).Should().Equal(ids.Select(i => i.ToString()));
            Ids(rest).Should().HaveCount(2).And.StartWith(ids[2].ToString());
            first[0].Items[0].Values["updated_at"].AsDateTime().Should().Be(stampedAt);
        }
        finally
        {
            await Db.ExecuteAsync($"DROP TABLE {table}");
        }
    }

    [Fact]
    public async Task A_date_column_is_a_watermark()
    {
        await Db.ExecuteAsync($"ALTER TABLE {Db.Table} ADD COLUMN day date");
        await Db.ExecuteAsync($"INSERT INTO {Db.Table} (id, name, day) VALUES (1, 'a', DATE '2026-01-13'), (2, 'b', DATE '2026-01-14')");
        var first = await ReadAsync(Source(), Incremental(null, timestamp: "day"));

        Clock.Advance(TimeSpan.FromDays(1));
        await Db.ExecuteAsync($"INSERT INTO {Db.Table} (id, name, day) VALUES (3, 'c', DATE '2026-01-16')");
        var second = await ReadAsync(Source(), Incremental(first[^1].Cursor, timestamp: "day"));

        Ids(first).Should().Equal("1", "2");
        Ids(second).Should().Equal("3");
        second[0].Items[0].Values["day"].AsDateTime().Should().Be(new DateTimeOffset(2026, 1, 16, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Values_keep_their_postgres_types()
    {
        var source = Source("SELECT 7::bigint AS id, 1.25::numeric AS exact, 'a7875550-8be8-443b-adf3-09f57c7644ea'::uuid AS ref, NULL::text AS nothing, '\\x0aff'::bytea AS raw, ARRAY['a', NULL, 'b'] AS tags, ARRAY[1, 2] AS numbers");

        var item = (await ReadAsync(source, Full()))[0].Items[0];

        item.ExternalId.Should().Be("7");
        item.Values["exact"].AsNumber().Should().Be(1.25);
        item.Values["ref"].AsText().Should().Be("a7875550-8be8-443b-adf3-09f57c7644ea");
        item.Values["nothing"].IsEmpty.Should().BeTrue();
        item.Values["raw"].AsText().Should().Be("0AFF");
        item.Values["tags"].AsList().Should().Equal("a", "b");
        item.Values["numbers"].AsList().Should().Equal("1", "2");
    }

    [Fact]
    public async Task A_cancelled_read_is_cancelled_not_unavailable()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var read = async () =>
        {
            await foreach (var _ in Source().ReadAsync(Full(), cancel.Token))
            {
            }
        };

        await read.Should().ThrowAsync<OperationCanceledException>();
    }
}
