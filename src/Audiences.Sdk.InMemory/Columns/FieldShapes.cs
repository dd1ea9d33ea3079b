namespace Audiences.Sdk.InMemory.Columns;

/// <summary>The <see cref="FieldShape"/>s of a store, one per distinct sequence of keys.</summary>
internal sealed class FieldShapes
{
    private readonly Dictionary<string[], FieldShape> _shapes = new(KeysComparer.Instance);

    /// <summary>The shape of these keys; <paramref name="keys"/> is kept when the shape is new.</summary>
    public FieldShape Of(string[] keys)
    {
        if (!_shapes.TryGetValue(keys, out var shape))
        {
            shape = new FieldShape(keys);
            _shapes.Add(keys, shape);
        }

        return shape;
    }

    private sealed class KeysComparer : IEqualityComparer<string[]>
    {
        public static readonly KeysComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] obj)
        {
            var hash = new HashCode();
            foreach (var key in obj)
            {
                hash.Add(key, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
