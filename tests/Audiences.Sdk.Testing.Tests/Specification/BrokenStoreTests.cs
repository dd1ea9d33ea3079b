using System.Reflection;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;
using Xunit.Sdk;

namespace Audiences.Sdk.Testing.Tests.Specification;

/// <summary>The suites catch stores that break a rule, and the compliance check catches a forgotten suite.</summary>
public class BrokenStoreTests
{
    [Fact]
    public async Task MergeSpecification_StoreThatForgetsRedirects_Fails()
    {
        using var suite = new MergeSuite();
        var act = () => suite.A_transitive_chain_ends_as_one_profile_with_the_oldest_id();
        await act.Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task AtomicBatchSpecification_StoreThatNeverRollsBack_Fails()
    {
        using var suite = new AtomicSuite();
        var act = () => suite.A_session_without_commit_leaves_no_trace();
        await act.Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public void ComplianceSpecification_ProjectMissingSuites_Fails()
    {
        var act = () => new EmptyCompliance().Every_specification_suite_is_run();
        act.Should().Throw<XunitException>().WithMessage("*ImportSpecification*MergeSpecification*");
    }

    [Fact]
    public async Task MergeSpecification_ConformingStore_Passes()
    {
        using var suite = new ConformingMergeSuite();
        await suite.A_transitive_chain_ends_as_one_profile_with_the_oldest_id();
    }

    // Not public: xunit must not run these suites on their own; the tests above drive them.
    private sealed class MergeSuite : MergeSpecification
    {
        protected override void UseStore(IAudiencesBuilder builder) =>
            builder.UseInMemory().DecorateStore<IProfileStore>((inner, _) => new ForgetfulRedirectStore(inner));
    }

    private sealed class AtomicSuite : AtomicBatchSpecification
    {
        protected override void UseStore(IAudiencesBuilder builder) =>
            builder.UseInMemory().DecorateStore<IProfileStore>((inner, _) => new NeverRollsBackStore(inner));
    }

    private sealed class ConformingMergeSuite : MergeSpecification
    {
        protected override void UseStore(IAudiencesBuilder builder) => builder.UseInMemory();
    }

    private sealed class EmptyCompliance : ComplianceSpecification
    {
        protected override Assembly TargetAssembly => typeof(object).Assembly;
    }
}
