using System.Text.Json;
using Audiences.Sdk.Filtering;

namespace Audiences.Sdk.Tests.Filtering;

public class FilterJsonTests
{
    [Fact]
    public void Serialize_WritesVersionedDocument()
    {
        var filter = FilterParser.Parse("title contains \"VP\" and (score between 1 and 2 or not signed_up_at within last 90d) and opportunities.any(close_date > 2026-01-31) and email is empty and industry in [\"SaaS\", 5, true]");
        FilterJson.Serialize(filter).Should().Be(
            "{\"version\":1,\"filter\":{\"and\":["
            + "{\"field\":\"title\",\"op\":\"contains\",\"value\":\"VP\"},"
            + "{\"or\":[{\"field\":\"score\",\"op\":\"between\",\"values\":[1,2]},{\"not\":{\"field\":\"signed_up_at\",\"op\":\"within_last\",\"duration\":\"90d\"}}]},"
            + "{\"related\":\"opportunities\",\"quantifier\":\"any\",\"filter\":{\"field\":\"close_date\",\"op\":\">\",\"value\":{\"date\":\"2026-01-31\"}}},"
            + "{\"field\":\"email\",\"op\":\"is_empty\"},"
            + "{\"field\":\"industry\",\"op\":\"in\",\"values\":[\"SaaS\",5,true]}"
            + "]}}");
    }

    [Fact]
    public void Deserialize_ReadsWhatSerializeWrote()
    {
        var filter = FilterParser.Parse("not (a != \"x\" or b not contains 'y') and c.d >= -2.5 and e after 2026-01-31T10:00:00.5Z and f not in [1] and g not within last 2w and h.none(i starts with \"j\" and k ends with \"l\")");
        FilterJson.Deserialize(FilterJson.Serialize(filter)).Should().Be(filter);
    }

    [Fact]
    public void Deserialize_InsideLargerDocument_UsesTheConverter()
    {
        var filter = FilterParser.Parse("score > 1");
        var json = JsonSerializer.Serialize(new Holder("audience", filter), FilterJson.Options);
        JsonSerializer.Deserialize<Holder>(json, FilterJson.Options)!.Filter.Should().Be(filter);
    }

    [Fact]
    public void Deserialize_GroupOfOne_ReadsAsItsFilter() =>
        FilterJson.Deserialize("{\"version\":1,\"filter\":{\"or\":[{\"field\":\"a\",\"op\":\"is_empty\"}]}}").Should().Be(Condition.IsEmpty("a"));

    [Theory]
    [InlineData("{\"version\":2,\"filter\":{}}", "Unsupported filter JSON version 2; this library reads version 1.")]
    [InlineData("{\"filter\":{}}", "A filter document needs a numeric \"version\" (this library reads version 1).")]
    [InlineData("[1]", "A filter document must be an object*")]
    [InlineData("{\"version\":1}", "A filter document needs a \"filter\" property.")]
    [InlineData("{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"like\",\"value\":1}}", "Invalid filter JSON at $.filter.op: unknown operator \"like\"*")]
    [InlineData("{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"=\"}}", "Invalid filter JSON at $.filter: \"=\" needs a \"value\".")]
    [InlineData("{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"=\",\"value\":null}}", "Invalid filter JSON at $.filter.value: expected non-blank text*found null.")]
    [InlineData("{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"=\",\"value\":{\"date\":\"soon\"}}}", "Invalid filter JSON at $.filter.value.date: 'soon' is not an ISO 8601 date*")]
    [InlineData("{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"between\",\"values\":[1]}}", "Invalid filter JSON at $.filter: The operator 'between' takes two values*")]
    [InlineData("{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"within_last\",\"duration\":\"5q\"}}", "Invalid filter JSON at $.filter.duration: expected a duration such as \"90d\", found \"5q\".")]
    [InlineData("{\"version\":1,\"filter\":{\"field\":\"a.b.c\",\"op\":\"is_empty\"}}", "Invalid filter JSON at $.filter.field: 'a.b.c' is not a field path*")]
    [InlineData("{\"version\":1,\"filter\":{\"and\":[]}}", "Invalid filter JSON at $.filter.and: expected a non-empty array of filters.")]
    [InlineData("{\"version\":1,\"filter\":{\"and\":[{\"field\":\"a\",\"op\":\"is_empty\"},{\"x\":1}]}}", "Invalid filter JSON at $.filter.and[1]: expected a condition*")]
    [InlineData("{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"is_empty\",\"extra\":1}}", "Invalid filter JSON at $.filter: unexpected property \"extra\"*")]
    [InlineData("{\"version\":1,\"filter\":{\"field\":\"a\",\"op\":\"=\",\"value\":1,\"values\":[2]}}", "Invalid filter JSON at $.filter: unexpected property \"values\" (expected \"field\", \"op\", \"value\").")]
    [InlineData("{\"version\":1,\"filter\":{\"related\":\"o\",\"quantifier\":\"some\",\"filter\":{}}}", "Invalid filter JSON at $.filter.quantifier: expected \"any\", \"all\" or \"none\", found \"some\".")]
    public void Deserialize_BadDocument_ThrowsJsonExceptionNamingThePath(string json, string message)
    {
        var act = () => FilterJson.Deserialize(json);
        act.Should().Throw<JsonException>().WithMessage(message);
    }

    private sealed record Holder(string Name, Filter Filter);
}
