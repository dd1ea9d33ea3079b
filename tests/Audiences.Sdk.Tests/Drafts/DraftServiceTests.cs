using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Drafts;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Tests.Drafts;

public sealed class DraftServiceTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly StoreWorkspace _store;

    public DraftServiceTests() =>
        _store = StoreWorkspace.Create(b => b.UseInMemory().AddSearchProvider(_ => new ListSearchProvider()), _clock);

    private IDraftService Drafts => _store.Services.GetRequiredService<IDraftService>();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task SearchAsync_KeepsTheResultsInAnOpenDraft_ApartFromTheProfiles()
    {
        var draft = await Drafts.SearchAsync("list", new SearchQuery(EntityKind.Person, "VP"));

        draft.Should().Match<Draft>(d => d.Id > 0 && d.Status == DraftStatus.Open && d.RecordCount == 2 && d.Provider == "list" && d.Query == "VP" && d.CreatedAt == _clock.GetUtcNow());
        (await Drafts.ListRecordsAsync(draft.Id)).Select(r => r.Values["email"].AsText()).Should().Equal("ada@example.com", "cy@example.com");
        (await _store.Service.CountAsync(EntityKind.Person)).Should().Be(0, "a draft is not in all people until it is committed");
        (await Drafts.ListAsync()).Should().ContainSingle().Which.Id.Should().Be(draft.Id);
    }

    [Fact]
    public async Task CommitAsync_ImportsTheRecordsAsSearchResultsAndClosesTheDraft()
    {
        await _store.Service.UpsertAsync(
            [new SourceRecord(new SourceRecordKey("crm", "contacts", "1"), EntityKind.Person, SourceKind.Crm,
                new Dictionary<string, FieldValue> { ["email"] = FieldValue.FromText("ada@example.com"), ["title"] = FieldValue.FromText("CTO") })],
            new ImportOptions(EntityKind.Person));
        var draft = await Drafts.SearchAsync("list", new SearchQuery(EntityKind.Person, "VP"));
        _clock.Advance(TimeSpan.FromMinutes(5));

        var result = await Drafts.CommitAsync(draft.Id);

        result.Should().Match<ImportResult>(r => r.Read == 2 && r.Created == 1 && r.Updated == 1);
        var ada = (await _store.Service.FindProfileAsync(EntityKind.Person, "email", "ada@example.com"))!;
        ada["title"].Should().Be(FieldValue.FromText("CTO"), "a CRM value outranks a search result");
        ada.Sources.Should().HaveCount(2);
        (await Drafts.GetAsync(draft.Id))!.Should().Match<Draft>(d => d.Status == DraftStatus.Committed && d.DecidedAt == _clock.GetUtcNow());
        await Drafts.Invoking(d => d.CommitAsync(draft.Id)).Should().ThrowAsync<InvalidOperationException>().WithMessage("*already committed*");
    }

    [Fact]
    public async Task DiscardAsync_DropsTheRecordsAndNothingReachesTheProfiles()
    {
        var draft = await Drafts.SearchAsync("list", new SearchQuery(EntityKind.Person, null));

        var discarded = await Drafts.DiscardAsync(draft.Id);

        discarded.Status.Should().Be(DraftStatus.Discarded);
        (await Drafts.ListRecordsAsync(draft.Id)).Should().BeEmpty();
        (await _store.Service.CountAsync(EntityKind.Person)).Should().Be(0);
        await Drafts.Invoking(d => d.DiscardAsync(draft.Id)).Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task SearchAsync_UnknownProvider_NamesTheRegisteredOnes()
    {
        var act = () => Drafts.SearchAsync("apollo", new SearchQuery(EntityKind.Person, null));

        await act.Should().ThrowAsync<KeyNotFoundException>().WithMessage("*'apollo'*registered: list*");
        await Drafts.Invoking(d => d.CommitAsync(42)).Should().ThrowAsync<KeyNotFoundException>();
    }
}
