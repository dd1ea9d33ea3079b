using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Tests.Signals.Runs;

/// <summary>
/// Companion audiences: one per watched audience, holding its members for whom the signal fired, created at the save
/// and kept in line with the audience they follow.
/// </summary>
public sealed class SignalCompanionTests : IDisposable
{
    private readonly SignalFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task Saving_CreatesACompanionPerAudience_NamedAfterIt_WithItsCriteriaAndTheSignalField()
    {
        await _fx.PersonAsync("Ada");
        var everyone = await _fx.EveryoneAsync();

        var saved = await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone));

        var companion = saved.Companions.Should().ContainSingle().Subject;
        companion.Audience.Should().Be(everyone);
        var audience = (await _fx.Audiences.GetAsync(companion.Companion))!;
        audience.Should().Match<Audience>(a => a.Name == "Everyone + signal job-moves" && a.ParentId == everyone && a.Status == AudienceStatus.Active && a.Kind == EntityKind.Person);
        FilterPrinter.Print(audience.GetFilter()).Should().Be("first_name is not empty and signal_job_moves is not empty");
        (await _fx.Audiences.ListAsync()).Select(s => s.Audience.Name).Should().Contain("Everyone + signal job-moves");
        (await _fx.Signals.GetAsync("job-moves"))!.Companions.Should().Equal(saved.Companions);
    }

    [Fact]
    public async Task AfterARun_TheCompanionHoldsExactlyTheMembersForWhomTheSignalFired()
    {
        await _fx.PersonAsync("Ada");
        await _fx.PersonAsync("Grace");
        await _fx.PersonAsync("Alan");
        await _fx.TitleChangedAsync("Ada", "CTO", TimeSpan.FromDays(10));
        await _fx.TitleChangedAsync("Alan", "Fellow", TimeSpan.FromDays(30));
        var everyone = await _fx.EveryoneAsync();
        var saved = await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone));
        var companion = saved.Companions[0].Companion;
        (await _fx.MemberNamesAsync(companion)).Should().BeEmpty("nothing has fired before the first run");

        await _fx.Signals.RunAsync("job-moves");

        (await _fx.MemberNamesAsync(companion)).Should().Equal("Ada", "Alan");
        (await _fx.MemberNamesAsync(everyone)).Should().Equal("Ada", "Alan", "Grace");
    }

    [Fact]
    public async Task WhenTheWatchedAudienceChangesItsCriteria_TheCompanionFollowsAtTheNextRun()
    {
        await _fx.PersonAsync("Ada");
        await _fx.PersonAsync("Alan");
        await _fx.TitleChangedAsync("Ada", "CTO", TimeSpan.FromDays(10));
        await _fx.TitleChangedAsync("Alan", "Fellow", TimeSpan.FromDays(10));
        var watched = await _fx.EveryoneAsync();
        var companion = (await _fx.Signals.SaveAsync(SignalFixture.JobMoves(watched))).Companions[0].Companion;
        await _fx.Signals.RunAsync("job-moves");

        await _fx.Audiences.ChangeCriteriaAsync(watched, "first_name = \"Ada\"");
        await _fx.Audiences.RefreshMembershipAsync();
        _fx.Clock.Advance(TimeSpan.FromDays(1));
        await _fx.Signals.RunAsync("job-moves");

        FilterPrinter.Print((await _fx.Audiences.GetAsync(companion))!.GetFilter()).Should().Be("first_name = \"Ada\" and signal_job_moves is not empty");
        (await _fx.MemberNamesAsync(companion)).Should().Equal("Ada");
    }

    [Fact]
    public async Task ADeletedCompanion_IsCreatedAgainAtTheNextRun_AndTheDefinitionPointsToTheNewOne()
    {
        await _fx.PersonAsync("Ada");
        await _fx.TitleChangedAsync("Ada", "CTO", TimeSpan.FromDays(10));
        var everyone = await _fx.EveryoneAsync();
        var first = (await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone))).Companions[0].Companion;

        await _fx.Audiences.DeleteAsync(first);
        await _fx.Signals.RunAsync("job-moves");

        var again = (await _fx.Signals.GetAsync("job-moves"))!.Companions.Should().ContainSingle().Subject;
        again.Companion.Should().NotBe(first);
        (await _fx.Audiences.GetAsync(again.Companion))!.Name.Should().Be("Everyone + signal job-moves");
        (await _fx.MemberNamesAsync(again.Companion)).Should().Equal("Ada");
    }

    [Fact]
    public async Task SavingAgain_KeepsTheSameCompanions_WhateverTheCallerPasses_AndAddsOneForANewAudience()
    {
        await _fx.PersonAsync("Ada");
        var everyone = await _fx.EveryoneAsync();
        var someone = await _fx.EveryoneAsync("Some", "first_name = \"Ada\"");
        var first = await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone));

        var second = await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone, someone) with
        {
            LookBack = SignalLookBack.TwelveMonths,
            Companions = [new SignalCompanion(everyone, 999)],
        });

        second.Companions.Should().HaveCount(2);
        second.Companions[0].Should().Be(first.Companions[0], "a re-save must not make a second companion nor trust the caller's");
        (await _fx.Audiences.GetAsync(second.Companions[1].Companion))!.Name.Should().Be("Some + signal job-moves");
        (await _fx.Audiences.ListAsync()).Should().HaveCount(4, "two watched audiences and one companion each");
    }

    [Fact]
    public async Task ACompanionNameAlreadyTaken_GetsANumber()
    {
        await _fx.PersonAsync("Ada");
        var everyone = await _fx.EveryoneAsync();
        await _fx.EveryoneAsync("Everyone + signal job-moves");

        var saved = await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone));

        (await _fx.Audiences.GetAsync(saved.Companions[0].Companion))!.Name.Should().Be("Everyone + signal job-moves (2)");
    }
}
