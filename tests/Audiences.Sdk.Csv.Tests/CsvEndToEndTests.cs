using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Csv.Tests;

/// <summary>Three exports of the same people, written differently, imported into one store.</summary>
public sealed class CsvEndToEndTests : IDisposable
{
    private readonly TempCsv _files = new();
    private readonly StoreWorkspace _store = StoreWorkspace.Create(b => b.UseInMemory());
    private readonly IProfileService _profiles;

    public CsvEndToEndTests() =>
        _profiles = _store.Service;

    public void Dispose()
    {
        _store.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task ImportCsvAsync_SamePeopleInThreeFiles_GivesOneProfilePerPersonKeepingEverySourceRecord()
    {
        // Bob has only a LinkedIn URL in the webinar file and only an email in the event file, so the
        // CRM file, which has both, merges his two profiles.
        var webinar = new CsvSourceOptions(_files.Write(
            "Email,LinkedIn URL,Attended\n" +
            "\" ada@example.COM \",http://linkedin.com/in/ada-lovelace,true\n" +
            ",https://www.linkedin.com/in/bob-builder/,false\n" +
            "cy@example.com,,true\n", "webinar.csv"), EntityKind.Person);
        var events = new CsvSourceOptions(_files.Write(
            "E-mail Address,Name,linkedin\r\n" +
            "ADA@EXAMPLE.COM,Ada,linkedin.com/in/Ada-Lovelace/\r\n" +
            "Bob@Example.com ,Bob,\r\n" +
            "CY@example.com,Cy,https://linkedin.com/in/cy-young?trk=x\r\n", "events.csv"), EntityKind.Person)
        {
            Mappings = [CsvColumnMapping.Parse("E-mail Address=email"), CsvColumnMapping.Parse("linkedin=linkedin_url")],
        };
        var crm = new CsvSourceOptions(_files.Write(
            "Contact Id,Email,LinkedIn URL,Title\n" +
            "003A,Ada@Example.com,https://www.linkedin.com/in/ada-lovelace/,Countess\n" +
            "003B,bob@example.com,linkedin.com/in/bob-builder,Builder\n" +
            "003C,\"Cy@Example.com\",www.linkedin.com/in/cy-young/,Pitcher\n", "crm.csv"), EntityKind.Person)
        {
            IdColumn = "Contact Id",
            SourceName = "crm",
            ObjectName = "contacts",
        };

        foreach (var file in new[] { webinar, events, crm })
        {
            var result = await _profiles.ImportCsvAsync(file);
            result.Rejected.Should().Be(0, $"{file.Path} is well formed");
        }

        var profiles = await ListAsync();
        profiles.Should().HaveCount(3);
        profiles.Should().OnlyContain(p => p.Sources.Count == 3);
        profiles.Select(p => p.Sources.Select(s => s.Key.Source).Order().ToArray())
            .Should().OnlyContain(sources => sources.SequenceEqual(new[] { "crm", "events", "webinar" }));
        var bob = await _profiles.FindProfileAsync(EntityKind.Person, "linkedin_url", "https://linkedin.com/in/bob-builder");
        bob!["title"].AsText().Should().Be("Builder");
        bob["attended"].AsBoolean().Should().BeFalse();
        (await _profiles.FindProfileAsync(EntityKind.Person, "email", "bob@example.com"))!.Id.Should().Be(bob.Id);

        foreach (var file in new[] { crm, webinar, events })
        {
            var again = await _profiles.ImportCsvAsync(file);
            again.Created.Should().Be(0, $"{file.Path} was imported before");
            again.Updated.Should().Be(0, $"{file.Path} was imported before");
            again.Unchanged.Should().Be(3);
        }

        (await ListAsync()).Should().HaveCount(3);
    }

    private async Task<List<Profile>> ListAsync()
    {
        var profiles = new List<Profile>();
        await foreach (var profile in _profiles.ListProfilesAsync(EntityKind.Person))
        {
            profiles.Add(profile);
        }

        return profiles;
    }
}
