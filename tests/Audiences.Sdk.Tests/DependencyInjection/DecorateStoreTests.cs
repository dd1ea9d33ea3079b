using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Audiences.Sdk.Tests.DependencyInjection;

/// <summary>
/// <c>DecorateStore</c> wraps whatever shape the store registered (instance, factory or type), keeps one
/// registration of the contract, chains decorators, and leaves ownership where it was: the container disposes
/// what it created, never an instance the host handed in.
/// </summary>
public sealed class DecorateStoreTests
{
    [Fact]
    public void DecorateStore_TypeRegistration_WrapsItAndTheContainerDisposesTheInnerStore()
    {
        var services = Store(s => s.AddSingleton<IChangeFeed, DisposableFeed>());

        DisposableFeed inner;
        using (var provider = services.BuildServiceProvider())
        {
            var feed = provider.GetRequiredService<IChangeFeed>().Should().BeOfType<MarkingFeed>().Subject;
            inner = feed.InnerFeed.Should().BeOfType<DisposableFeed>().Subject;
        }

        inner.Disposed.Should().BeTrue("the container created the store's feed, so it disposes it");
    }

    [Fact]
    public void DecorateStore_InstanceRegistration_WrapsItAndLeavesItToTheHost()
    {
        var own = new DisposableFeed();
        var services = Store(s => s.AddSingleton<IChangeFeed>(own));

        using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<IChangeFeed>().Should().BeOfType<MarkingFeed>().Which.InnerFeed.Should().BeSameAs(own);
        }

        own.Disposed.Should().BeFalse("an instance the host registered is the host's to dispose");
    }

    [Fact]
    public void DecorateStore_FactoryRegistration_WrapsItAndChainsDecoratorsInOrder()
    {
        var services = Store(s => s.AddSingleton<IChangeFeed>(_ => new DisposableFeed()));
        new Builder(services).DecorateStore<IChangeFeed>((inner, _) => new MarkingFeed(inner));

        using var provider = services.BuildServiceProvider();

        var outer = provider.GetRequiredService<IChangeFeed>().Should().BeOfType<MarkingFeed>().Subject;
        outer.InnerFeed.Should().BeOfType<MarkingFeed>().Which.InnerFeed.Should().BeOfType<DisposableFeed>();
        provider.GetServices<IChangeFeed>().Should().ContainSingle("the decorator replaces the registration it wraps");
    }

    private static ServiceCollection Store(Action<ServiceCollection> registerFeed)
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseInMemory());
        services.RemoveAll<IChangeFeed>();
        registerFeed(services);
        new Builder(services).DecorateStore<IChangeFeed>((inner, _) => new MarkingFeed(inner));
        return services;
    }

    private sealed class Builder(IServiceCollection services) : IAudiencesBuilder
    {
        public IServiceCollection Services { get; } = services;
    }

    private sealed class MarkingFeed(IChangeFeed inner) : DelegatingChangeFeed(inner)
    {
        public IChangeFeed InnerFeed => Inner;
    }

    private sealed class DisposableFeed : IChangeFeed, IDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask<long> GetLastVersionAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(0L);

        public IAsyncEnumerable<ProfileChange> ListChangedProfilesAsync(long sinceVersion, CancellationToken cancellationToken = default) =>
            AsyncEnumerable.Empty<ProfileChange>();

        public void Dispose() => Disposed = true;
    }
}
