using Audiences.Samples.Worker.Configuration;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Samples.Worker.Tests;

public sealed class MappingTextTests
{
    [Theory]
    [InlineData("job_title=title", "job_title", "title", null)]
    [InlineData(" Job Title = title ", "Job Title", "title", null)]
    [InlineData("plan=plan:text", "plan", "plan", FieldType.Text)]
    [InlineData("seats=seats:number", "seats", "seats", FieldType.Number)]
    [InlineData("notes=", "notes", null, null)]
    public void A_mapping_is_read_from_its_text(string text, string column, string? field, FieldType? type)
    {
        MappingText.TryParse(text, out var mapping, out var problem).Should().BeTrue(problem);
        mapping.Should().Be(new FieldMapping(column, field, type));
    }

    [Theory]
    [InlineData("title", "is 'title', which is no mapping")]
    [InlineData("=title", "is '=title', which is no mapping")]
    [InlineData("a=Title", "maps 'a' to 'Title', which is no field key")]
    [InlineData("a=title:money", "gives the type 'money' for 'a', which is no field type")]
    public void A_text_that_is_no_mapping_says_why(string text, string message)
    {
        MappingText.TryParse(text, out var mapping, out var problem).Should().BeFalse();
        mapping.Should().BeNull();
        problem.Should().StartWith(message);
    }
}
