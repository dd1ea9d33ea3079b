using Audiences.Sdk.Credits;
using Audiences.Sdk.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Tests.Credits;

/// <summary>A <see cref="DelegatingCreditLedger"/> registered with <c>DecorateStore</c> changes what it overrides and passes every other call to the store.</summary>
public sealed class DelegatingCreditLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_decorator_overrides_one_member_and_passes_the_others_through()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseInMemory().DecorateStore<ICreditLedger>((inner, _) => new FrozenBudgetLedger(inner, "frozen")));
        await using var provider = services.BuildServiceProvider();
        var ledger = provider.GetRequiredService<ICreditLedger>();

        await ledger.SetCapAsync("emails", 10);
        var frozen = await ledger.TryReserveAsync("frozen", 1, Now, Now.AddMinutes(5), null);
        var settled = await ledger.TryReserveAsync("emails", 4, Now, Now.AddMinutes(5), "run 1");
        var released = await ledger.TryReserveAsync("emails", 5, Now, Now.AddMinutes(5), "run 2");
        await ledger.SettleAsync(settled!, 3, Now);
        await ledger.ReleaseAsync(released!);

        ledger.Should().BeOfType<FrozenBudgetLedger>();
        frozen.Should().BeNull();
        (await ledger.GetBudgetAsync("emails", Now)).Should().Be(new CreditBudget("emails", 10, 3, 0));
        (await ledger.ListSpendAsync("emails", 10)).Should().Equal(new CreditSpend("emails", 3, Now, "run 1"));
    }

    /// <summary>Refuses every reservation of one budget, as a host might while a budget is under review.</summary>
    private sealed class FrozenBudgetLedger(ICreditLedger inner, string frozen) : DelegatingCreditLedger(inner)
    {
        public override ValueTask<CreditReservation?> TryReserveAsync(
            string budget, decimal credits, DateTimeOffset now, DateTimeOffset expiresAt, string? reference, CancellationToken cancellationToken = default) =>
            string.Equals(budget, frozen, StringComparison.Ordinal)
                ? ValueTask.FromResult<CreditReservation?>(null)
                : base.TryReserveAsync(budget, credits, now, expiresAt, reference, cancellationToken);
    }
}
