using Audiences.Sdk.Segments;

namespace Audiences.Sdk.DataHub;

/// <summary>Reads audience names by id, each audience once per listing.</summary>
internal sealed class AudienceNames(IAudienceService audiences)
{
    private readonly Dictionary<long, string?> _names = [];

    public async Task<IReadOnlyList<DataHubAudience>> ResolveAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var result = new List<DataHubAudience>();
        foreach (var id in ids)
        {
            if (!_names.TryGetValue(id, out var name))
            {
                name = (await audiences.GetAsync(id, cancellationToken).ConfigureAwait(false))?.Name;
                _names[id] = name;
            }

            result.Add(new DataHubAudience(id, name));
        }

        return result;
    }
}
