using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Tests.Sync;

/// <summary>Opens one <see cref="FakeTableSource"/> for every sync of type <c>fake</c>.</summary>
internal sealed class FakeSourceFactory(FakeTableSource source) : ISourceFactory
{
    public const string SourceType = "fake";

    public string Type => SourceType;

    public ISource Create(SourceSettings settings) => source;
}
