using System.Runtime.CompilerServices;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Destinations;

/// <summary>
/// A destination held in memory, for tests of exports and of hosts: it keeps records by key, answers the contract
/// strictly (an update of an absent record fails its record, a create of an existing record sets its values, a removal
/// of an absent record succeeds, an unknown field fails its record, an oversized batch throws), records every call for
/// assertions, and injects failures on demand: whole calls that fail, records that fail, answers lost after a batch was
/// applied.
/// </summary>
/// <remarks>
/// Keys and field names are compared ordinally. Calls are serialised, so an export may call it from several threads.
/// A batch with a key twice, or a read of more than <see cref="InMemoryDestinationOptions.MaxReadSize"/> keys, breaks
/// the contract and throws <see cref="ArgumentException"/>, so a test sees the caller's mistake.
/// </remarks>
public sealed class InMemoryDestination : IDestination
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, FieldValue>> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DestinationField> _fields;
    private readonly List<InMemoryDestinationCall> _calls = [];
    private readonly InMemoryDestinationFaultPlan _faults;

    /// <summary>Creates an empty destination.</summary>
    /// <param name="options">What it holds and can do; null for the defaults.</param>
    /// <exception cref="ArgumentException">The options name no object or key field, or give a limit below one.</exception>
    public InMemoryDestination(InMemoryDestinationOptions? options = null)
    {
        Options = options ?? new InMemoryDestinationOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(Options.ObjectName, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(Options.KeyField, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxBatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxReadSize, 1, nameof(options));

        _fields = new Dictionary<string, DestinationField>(StringComparer.Ordinal)
        {
            [Options.KeyField] = new DestinationField(Options.KeyField, FieldType.Text),
        };
        foreach (var field in Options.Fields)
        {
            _fields[field.Name] = field;
        }

        _faults = new InMemoryDestinationFaultPlan(Options.ObjectName, Options.Faults);
    }

    /// <summary>What the destination holds and can do.</summary>
    public InMemoryDestinationOptions Options { get; }

    /// <summary>Every call received, in order, with what it was asked and how it ended.</summary>
    public IReadOnlyList<InMemoryDestinationCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Every write sent, in order, across all write calls (those that failed as a whole included).</summary>
    public IReadOnlyList<DestinationWrite> Writes => [.. Calls.SelectMany(c => c.Writes)];

    /// <summary>Every read request received, in order.</summary>
    public IReadOnlyList<DestinationReadRequest> Reads => [.. Calls.Where(c => c.Read is not null).Select(c => c.Read!)];

    /// <summary>The records held now: their values by field (empty fields absent), by key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldValue>> Records
    {
        get
        {
            lock (_gate)
            {
                return _records.ToDictionary(
                    r => r.Key,
                    r => (IReadOnlyDictionary<string, FieldValue>)new Dictionary<string, FieldValue>(r.Value, StringComparer.Ordinal),
                    StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Holds a record under <paramref name="key"/> with <paramref name="values"/>, replacing any held; not recorded as a call.</summary>
    /// <param name="key">The record's key.</param>
    /// <param name="values">Its values by field; empty values are left out, and fields need not be declared.</param>
    /// <returns>This destination, to seed more.</returns>
    public InMemoryDestination Seed(string key, IReadOnlyDictionary<string, FieldValue> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(values);
        lock (_gate)
        {
            var record = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [Options.KeyField] = FieldValue.FromText(key) };
            foreach (var (field, value) in values.Where(v => !v.Value.IsEmpty))
            {
                record[field] = value;
            }

            _records[key] = record;
        }

        return this;
    }

    /// <summary>Makes the next call of any kind throw <paramref name="exception"/> before doing anything; calls queue up.</summary>
    /// <param name="exception">What to throw; null for a server error without <c>Retry-After</c>.</param>
    public void FailNextCall(DestinationUnavailableException? exception = null)
    {
        lock (_gate)
        {
            _faults.FailNextCall(exception);
        }
    }

    /// <summary>Makes the next write call apply its batch and then throw, as if its answer were lost; calls queue up.</summary>
    public void LoseNextAnswer()
    {
        lock (_gate)
        {
            _faults.LoseNextAnswer();
        }
    }

    /// <summary>Makes the next <paramref name="times"/> writes of <paramref name="key"/> fail without being applied.</summary>
    /// <param name="key">The record's key.</param>
    /// <param name="error">The reason the destination gives.</param>
    /// <param name="retryable">Whether the failure says sending again may succeed.</param>
    /// <param name="times">How many writes of the key fail; <see cref="int.MaxValue"/> for every one.</param>
    public void FailKey(string key, string error, bool retryable = true, int times = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _faults.FailKey(key, error, retryable, times);
        }
    }

    /// <inheritdoc />
    public ValueTask<DestinationDescription> DescribeAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var call = new InMemoryDestinationCall(InMemoryDestinationCallKind.Describe);
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                _faults.BeforeCall();
                _calls.Add(call);
                return ValueTask.FromResult(new DestinationDescription(Options.ObjectName, Options.KeyField, [.. _fields.Values])
                {
                    MaxBatchSize = Options.MaxBatchSize,
                    MaxReadSize = Options.MaxReadSize,
                    CanRead = Options.CanRead,
                    CanCreate = Options.CanCreate,
                    CanRemove = Options.CanRemove,
                });
            }
            catch (Exception exception)
            {
                _calls.Add(call with { Exception = exception });
                throw;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The destination cannot read.</exception>
    /// <exception cref="ArgumentException">The request has too many keys, a key twice, or a field the destination lacks.</exception>
    public async IAsyncEnumerable<DestinationRecord> ReadAsync(
        DestinationReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Task.Yield();
        foreach (var record in Read(request, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The batch is larger than the batch size or has a key twice.</exception>
    public async Task<IReadOnlyList<DestinationResult>> WriteAsync(IReadOnlyList<DestinationWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        await Task.Yield();
        lock (_gate)
        {
            var call = new InMemoryDestinationCall(InMemoryDestinationCallKind.Write) { Writes = [.. writes] };
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                CheckBatch(writes);
                _faults.BeforeCall();
                IReadOnlyList<DestinationResult> results = [.. writes.Select(Apply)];
                call = call with { Applied = true };
                _faults.AfterWrite();
                _calls.Add(call with { Results = results });
                return results;
            }
            catch (Exception exception)
            {
                _calls.Add(call with { Exception = exception });
                throw;
            }
        }
    }

    private List<DestinationRecord> Read(DestinationReadRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var call = new InMemoryDestinationCall(InMemoryDestinationCallKind.Read) { Read = request };
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                CheckRead(request);
                _faults.BeforeCall();
                _calls.Add(call);
                return
                [
                    .. request.Keys
                        .Where(_records.ContainsKey)
                        .Select(key => new DestinationRecord(
                            key,
                            request.Fields.Distinct(StringComparer.Ordinal).ToDictionary(
                                f => f,
                                f => _records[key].GetValueOrDefault(f),
                                StringComparer.Ordinal))),
                ];
            }
            catch (Exception exception)
            {
                _calls.Add(call with { Exception = exception });
                throw;
            }
        }
    }

    private void CheckRead(DestinationReadRequest request)
    {
        if (!Options.CanRead)
        {
            throw new InvalidOperationException($"The {Options.ObjectName} destination cannot read; its description says so.");
        }

        if (request.Keys.Count > Options.MaxReadSize)
        {
            throw new ArgumentException(
                $"A read of the {Options.ObjectName} destination takes at most {Options.MaxReadSize} keys, not {request.Keys.Count}.", nameof(request));
        }

        if (request.Keys.GroupBy(k => k, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"A read of the {Options.ObjectName} destination asks for the key '{twice.Key}' twice.", nameof(request));
        }

        if (request.Fields.FirstOrDefault(f => !_fields.ContainsKey(f)) is { } unknown)
        {
            throw new ArgumentException($"The {Options.ObjectName} destination has no field '{unknown}' to read.", nameof(request));
        }
    }

    private void CheckBatch(IReadOnlyList<DestinationWrite> writes)
    {
        if (writes.Count > Options.MaxBatchSize)
        {
            throw new ArgumentException(
                $"A write to the {Options.ObjectName} destination takes at most {Options.MaxBatchSize} records, not {writes.Count}.", nameof(writes));
        }

        if (writes.GroupBy(w => w.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"A write to the {Options.ObjectName} destination has the key '{twice.Key}' twice.", nameof(writes));
        }
    }

    private DestinationResult Apply(DestinationWrite write)
    {
        if (_faults.KeyFailure(write.Key) is { } failure)
        {
            return failure;
        }

        if (write.Kind == DestinationWriteKind.Remove)
        {
            if (!Options.CanRemove)
            {
                return DestinationResult.Failure(write.Key, $"The {Options.ObjectName} destination does not remove records.", retryable: false);
            }

            // Removing a record that is gone already is what a retried removal does: it succeeds.
            _records.Remove(write.Key);
            return DestinationResult.Success(write.Key);
        }

        if (Invalid(write) is { } invalid)
        {
            return DestinationResult.Failure(write.Key, invalid, retryable: false);
        }

        if (!_records.TryGetValue(write.Key, out var record))
        {
            if (write.Kind == DestinationWriteKind.Update)
            {
                return DestinationResult.Failure(write.Key, $"The {Options.ObjectName} record '{write.Key}' was not found.", retryable: false);
            }

            if (!Options.CanCreate)
            {
                return DestinationResult.Failure(write.Key, $"The {Options.ObjectName} destination does not create records.", retryable: false);
            }

            record = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [Options.KeyField] = FieldValue.FromText(write.Key) };
            _records[write.Key] = record;
        }

        // A create of a record that exists by now sets its values, so a retried create has the effect of one.
        foreach (var (field, value) in write.Values.Where(v => v.Key != Options.KeyField))
        {
            if (value.IsEmpty)
            {
                record.Remove(field);
            }
            else
            {
                record[field] = value;
            }
        }

        return DestinationResult.Success(write.Key);
    }

    private string? Invalid(DestinationWrite write)
    {
        foreach (var (name, value) in write.Values)
        {
            if (!_fields.TryGetValue(name, out var field))
            {
                return $"The {Options.ObjectName} destination has no field '{name}'.";
            }

            if (Options.CheckTypes && !value.IsEmpty && value.Type != field.Type)
            {
                return $"The {Options.ObjectName} field '{name}' takes {field.Type}, not {value.Type}.";
            }
        }

        return null;
    }
}
