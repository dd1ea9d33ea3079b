using Audiences.Sdk.Sqlite.Writing;

namespace Audiences.Sdk.Sqlite.Tests.Writing;

public sealed class KeyFilterTests
{
    [Fact]
    public void MayContain_EveryAddedKey_IsTrueAcrossLayers()
    {
        var filter = new KeyFilter();
        var keys = Enumerable.Range(0, 300_000).Select(i => KeyFilter.Hash(1, "email", $"person{i}@example.com", string.Empty)).ToArray();

        foreach (var key in keys)
        {
            filter.Add(key);
        }

        keys.Should().OnlyContain(key => filter.MayContain(key));
    }

    [Fact]
    public void MayContain_KeysNeverAdded_IsRarelyTrue()
    {
        var filter = new KeyFilter();
        for (var i = 0; i < 200_000; i++)
        {
            filter.Add(KeyFilter.Hash(1, "email", $"person{i}@example.com", string.Empty));
        }

        var falsePositives = Enumerable.Range(0, 100_000).Count(i => filter.MayContain(KeyFilter.Hash(1, "email", $"other{i}@example.com", string.Empty)));

        falsePositives.Should().BeLessThan(2_000, "fewer than 2% of unknown keys may need a query");
    }

    [Fact]
    public void Clear_ForgetsEveryKey()
    {
        var filter = new KeyFilter();
        var key = KeyFilter.Hash(2, "domain", "acme.com", string.Empty);
        filter.Add(key);

        filter.Clear();

        filter.MayContain(key).Should().BeFalse();
        filter.Count.Should().Be(0);
    }

    [Fact]
    public void Hash_PartsSplitDifferently_Differ()
    {
        KeyFilter.Hash(1, "ab", "c", string.Empty).Should().NotBe(KeyFilter.Hash(1, "a", "bc", string.Empty));
        KeyFilter.Hash(1, "email", "x", string.Empty).Should().NotBe(KeyFilter.Hash(2, "email", "x", string.Empty));
    }
}
