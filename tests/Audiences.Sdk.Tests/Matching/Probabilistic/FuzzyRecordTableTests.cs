using Audiences.Sdk.Matching.Probabilistic;

namespace Audiences.Sdk.Tests.Matching.Probabilistic;

public class FuzzyRecordTableTests
{
    [Fact]
    public void Add_Values_AreTrimmedLowerCasedAndCollapsed()
    {
        var table = new FuzzyRecordTable(["name", "city"]);

        var row = table.Add(7, "  Mary   ANN\tSmith ", "   ");

        table.GetValue(row, "name").Should().Be("mary ann smith");
        table.GetValue(row, "city").Should().BeNull();
        table.GetId(row).Should().Be(7);
        table.TryGetRow(7, out var found).Should().BeTrue();
        found.Should().Be(row);
    }

    [Fact]
    public void Add_DuplicateId_Throws()
    {
        var table = new FuzzyRecordTable(["name"]);
        table.Add(1, "a");

        var act = () => table.Add(1, "b");

        act.Should().Throw<ArgumentException>().WithMessage("*id 1 is already in the table*");
    }

    [Fact]
    public void Add_WrongValueCount_NamesTheFields()
    {
        var table = new FuzzyRecordTable(["name", "city"]);

        var act = () => table.Add(1, "a");

        act.Should().Throw<ArgumentException>().WithMessage("*1 values*2 fields (name, city)*");
    }

    [Fact]
    public void Constructor_DuplicateField_Throws()
    {
        var act = () => new FuzzyRecordTable(["name", "name"]);

        act.Should().Throw<ArgumentException>().WithMessage("*appears twice*");
    }

    [Fact]
    public void Add_ManyRows_GrowsPastTheInitialCapacity()
    {
        var table = new FuzzyRecordTable(["n"]);
        for (var i = 0; i < 1_000; i++)
        {
            table.Add(i, (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        table.Count.Should().Be(1_000);
        table.GetValue(999, "n").Should().Be("9");
    }
}
