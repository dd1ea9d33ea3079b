using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Filtering;

public class CompositeFilterInterpreterTests
{
    [Fact]
    public async Task InterpretAsync_FirstReadsIt_LaterOnesAreNotAsked()
    {
        var second = new CountingInterpreter(Condition.IsEmpty("domain"));
        var composite = new CompositeFilterInterpreter(new PhraseFilterInterpreter(), second);

        var condition = await composite.InterpretAsync("employee count less than 500", EntityKind.Company, TestCatalog.Instance);

        condition.ToString().Should().Be("employee_count < 500");
        second.Calls.Should().Be(0);
    }

    [Fact]
    public async Task InterpretAsync_FirstCannotReadIt_TheNextOneIsAsked()
    {
        var second = new CountingInterpreter(Condition.IsEmpty("domain"));
        var composite = new CompositeFilterInterpreter(new PhraseFilterInterpreter(), second);

        var condition = await composite.InterpretAsync("no web presence", EntityKind.Company, TestCatalog.Instance);

        condition.Should().Be(Condition.IsEmpty("domain"));
        second.Calls.Should().Be(1);
    }

    [Fact]
    public async Task InterpretAsync_NoneCanReadIt_RaisesTheLastError()
    {
        var composite = new CompositeFilterInterpreter(new CountingInterpreter(null, "first"), new CountingInterpreter(null, "last"));

        var act = () => composite.InterpretAsync("likes pizza", EntityKind.Person, TestCatalog.Instance);

        await act.Should().ThrowAsync<FilterInterpretationException>().WithMessage("last");
    }

    [Fact]
    public async Task InterpretAsync_Cancelled_StopsAtOnce()
    {
        var second = new CountingInterpreter(Condition.IsEmpty("domain"));
        var composite = new CompositeFilterInterpreter(new PhraseFilterInterpreter(), second);

        var act = () => composite.InterpretAsync("no web presence", EntityKind.Company, TestCatalog.Instance, new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        second.Calls.Should().Be(0);
    }

    [Fact]
    public void Constructor_NoInterpreters_Throws()
    {
        var act = () => new CompositeFilterInterpreter();

        act.Should().Throw<ArgumentException>().WithMessage("Give at least one interpreter.*");
    }

    private sealed class CountingInterpreter(Condition? answer, string error = "cannot") : IFilterInterpreter
    {
        public int Calls { get; private set; }

        public Task<Condition> InterpretAsync(string text, EntityKind kind, IFilterCatalog catalog, CancellationToken cancellationToken = default)
        {
            Calls++;
            return answer is null
                ? Task.FromException<Condition>(new FilterInterpretationException(error, text, []))
                : Task.FromResult(answer);
        }
    }
}
