using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

// Records that name the profile they were derived from (SourceRecord.Profile): an enrichment's answer, a host's values.
public abstract partial class ImportSpecification
{
    /// <summary>A record naming a profile joins it, though it shares no alias with it, and later imports find it by its key.</summary>
    [Fact]
    public virtual async Task A_record_naming_a_profile_joins_it_and_is_found_by_its_key_after()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportCompaniesAsync(service, Company("crm", "1", ("domain", "acme.com")));
        var acme = (await AllAsync(store, EntityKind.Company)).Single().Id;

        var first = await ImportCompaniesAsync(service, Company("enrichment", "acme", ("employees", 250)) with { Profile = acme });
        var again = await ImportCompaniesAsync(service, Company("enrichment", "acme", ("employees", 260)));

        first.Should().BeEquivalentTo(new { Created = 0L, Updated = 1L, Merged = 0L });
        again.Should().BeEquivalentTo(new { Created = 0L, Updated = 1L });
        var profile = (await AllAsync(store, EntityKind.Company)).Should().ContainSingle().Subject;
        profile["employees"].Should().Be(FieldValue.FromNumber(260));
        profile.Sources.Should().HaveCount(2).And.OnlyContain(s => s.Record.Profile == null, "the instruction is not stored");
    }

    /// <summary>A record naming a profile that was merged joins the profile it was merged into.</summary>
    [Fact]
    public virtual async Task A_record_naming_a_merged_profile_joins_its_survivor()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com")), Person("web", "1", ("linkedin_url", "linkedin.com/in/ada")));
        var merged = (await AllAsync(store)).Max(p => p.Id);
        await ImportPeopleAsync(service, Person("events", "1", ("email", "ada@example.com"), ("linkedin_url", "linkedin.com/in/ada")));

        var result = await ImportPeopleAsync(service, Person("enrichment", "ada", ("work_email", "ada@analytical.io")) with { Profile = merged });

        result.Updated.Should().Be(1);
        var survivor = (await AllAsync(store)).Should().ContainSingle().Subject;
        survivor.Id.Should().NotBe(merged);
        survivor["work_email"].Should().Be(FieldValue.FromText("ada@analytical.io"));
    }

    /// <summary>A record naming a profile no record of its kind ever had is rejected; nothing is stored.</summary>
    [Fact]
    public virtual async Task A_record_naming_an_unknown_profile_or_one_of_the_other_kind_is_rejected()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportCompaniesAsync(service, Company("crm", "1", ("domain", "acme.com")));
        var company = (await AllAsync(store, EntityKind.Company)).Single().Id;

        var unknown = await ImportPeopleAsync(service, Person("enrichment", "x", ("work_email", "x@acme.com")) with { Profile = new ProfileId(999) });
        var otherKind = await ImportPeopleAsync(service, Person("enrichment", "y", ("work_email", "y@acme.com")) with { Profile = company });

        unknown.Rejected.Should().Be(1);
        unknown.Errors.Single().Message.Should().Contain("profile 999").And.Contain("no person profile ever had that id");
        otherKind.Rejected.Should().Be(1);
        (await AllAsync(store)).Should().BeEmpty();
    }
}
