namespace Audiences.Sdk.Filtering;

/// <summary>The text a filter was parsed from and the spans of its nodes, keyed by node instance.</summary>
internal sealed class SourceMap
{
    private readonly Dictionary<Filter, SourceSpans> _spans = new(ReferenceEqualityComparer.Instance);

    public SourceMap(string text) => Text = text;

    public string Text { get; }

    public void Add(Filter node, SourceSpans spans) => _spans[node] = spans;

    public SourceSpans? Find(Filter node) => _spans.GetValueOrDefault(node);

    public FilterPosition At(int offset, int length) => FilterPosition.In(Text, offset, length);
}
