namespace Audiences.Sdk.Testing.Specification;

/// <summary>The change-version contract: every change gets a larger version, and nothing else does.</summary>
public abstract class VersionSpecification : StoreSpecification
{
    /// <summary>Versions only grow, across profiles, batches and merges.</summary>
    [Fact]
    public virtual async Task Versions_only_grow()
    {
        var store = NewStore(batchSize: 2);
        var service = store.Service;
        (await store.Changes.GetLastVersionAsync()).Should().Be(0);
        await ImportPeopleAsync(service,
            Person("a", "1", ("email", "one@example.com")),
            Person("a", "2", ("email", "two@example.com")),
            Person("a", "3", ("email", "three@example.com")));
        var first = (await AllAsync(store)).ToDictionary(p => p.Id, p => p.Version);
        first.Values.Should().OnlyHaveUniqueItems().And.OnlyContain(v => v > 0);
        var last = await store.Changes.GetLastVersionAsync();
        last.Should().Be(first.Values.Max());

        await ImportPeopleAsync(service, Person("a", "2", ("email", "two@example.com"), ("title", "CTO")));

        var second = (await AllAsync(store)).ToDictionary(p => p.Id, p => p.Version);
        var changed = second.Single(p => p.Value != first[p.Key]);
        changed.Value.Should().BeGreaterThan(last);
        (await store.Changes.GetLastVersionAsync()).Should().Be(changed.Value);
    }

    /// <summary>A source record remembers the version that first stored it and the one that last changed it.</summary>
    [Fact]
    public virtual async Task Source_records_remember_first_and_last_versions()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("email", "ada@example.com"), ("title", "CTO")));
        var created = (await AllAsync(store)).Single().Sources.Single();
        await ImportPeopleAsync(service, Person("a", "1", ("email", "ada@example.com"), ("title", "CEO")));
        var updated = (await AllAsync(store)).Single().Sources.Single();

        updated.FirstSeenVersion.Should().Be(created.FirstSeenVersion);
        updated.LastChangedVersion.Should().BeGreaterThan(created.LastChangedVersion);
    }

    /// <summary>A merge bumps the survivor's version above both merged profiles' versions.</summary>
    [Fact]
    public virtual async Task A_merge_bumps_the_survivor_version()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("email", "ada@example.com")), Person("b", "1", ("linkedin_url", "linkedin.com/in/ada")));
        var before = (await AllAsync(store)).Max(p => p.Version);

        await ImportPeopleAsync(service, Person("c", "1", ("email", "ada@example.com"), ("linkedin_url", "linkedin.com/in/ada")));

        (await AllAsync(store)).Single().Version.Should().BeGreaterThan(before);
    }
}
