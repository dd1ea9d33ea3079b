using Audiences.Sdk.Credits;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment.Engine;

/// <summary>
/// One run of an enrichment: its audiences' members, a provider batch at a time, each call paid from a reservation in
/// the ledger first, the answers archived as the run's outputs, what was found written to the profiles (unless a test)
/// and passed to the record action when the quality gate lets it through.
/// </summary>
internal sealed class EnrichmentRunner(EnrichmentEnvironment environment, EnrichmentDefinition definition, EnrichmentRun run)
{
    private readonly EnrichmentTally _tally = new(environment.MaxReportedErrors);
    private readonly string _budget = definition.EffectiveBudget;
    private IEnrichmentProvider _provider = null!;
    private List<IReadOnlyList<string>> _inputSets = null!;
    private BoundFilter? _gate;
    private IRecordAction? _action;

    /// <summary>The run as far as it got.</summary>
    public EnrichmentRun Progress => _tally.ApplyTo(run);

    /// <param name="force">Look records up again though their inputs were bought already.</param>
    /// <param name="testRows">For a test run, how many records to try; null for a real run.</param>
    /// <param name="cancellationToken">Stops the run between batches.</param>
    public async Task<EnrichmentRun> RunAsync(bool force, int? testRows, CancellationToken cancellationToken)
    {
        _provider = EnrichmentDefinitionRules.Provider(definition, environment);
        _inputSets = [.. definition.Providers.Select(name => environment.Providers.GetEnrichmentProvider(name).Inputs)];
        _gate = definition.Gate is { } gate ? await QualityGate.BindAsync(definition, gate, _provider, environment.Profiles, cancellationToken).ConfigureAwait(false) : null;
        _action = definition.Action is { } action ? environment.Actions.First(a => string.Equals(a.Name, action, StringComparison.OrdinalIgnoreCase)) : null;

        var pending = new List<EnrichmentRequest>();
        await foreach (var profile in MembersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Request(profile) is not { } request)
            {
                _tally.Skipped++;
                continue;
            }

            pending.Add(request);
            if (testRows is { } rows && pending.Count >= rows)
            {
                break;
            }

            if (pending.Count >= _provider.MaxBatchSize)
            {
                if (!await LookUpAsync(pending, force, testRows is not null, cancellationToken).ConfigureAwait(false))
                {
                    return Finish(EnrichmentRunStatus.BudgetReached);
                }

                pending.Clear();
            }
        }

        return await LookUpAsync(pending, force, testRows is not null, cancellationToken).ConfigureAwait(false)
            ? Finish(EnrichmentRunStatus.Completed)
            : Finish(EnrichmentRunStatus.BudgetReached);
    }

    private EnrichmentRun Finish(EnrichmentRunStatus status)
    {
        if (status == EnrichmentRunStatus.BudgetReached)
        {
            EnrichmentLog.BudgetReached(environment.Logger, definition.Name, run.Id);
        }

        if (_tally.HeldBack > 0)
        {
            EnrichmentLog.HeldBack(environment.Logger, definition.Name, run.Id, _tally.HeldBack, _action!.Name, _action.MaxRows ?? 0);
        }

        return _tally.ApplyTo(run) with { Status = status, FinishedAt = environment.Time.GetUtcNow() };
    }

    /// <summary>Every member of the enrichment's audiences once, in the order the audiences list them.</summary>
    private async IAsyncEnumerable<Profile> MembersAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<ProfileId>();
        foreach (var audience in definition.Audiences)
        {
            ProfileId? after = null;
            do
            {
                var page = await environment.Audiences.ListMembersAsync(audience, after, 500, cancellationToken).ConfigureAwait(false);
                foreach (var profile in page.Profiles.Where(p => seen.Add(p.Id)))
                {
                    yield return profile;
                }

                after = page.Next;
            }
            while (after is not null);
        }
    }

    /// <summary>
    /// The inputs a profile holds; null when it holds every input of none of the providers (the record is skipped and
    /// costs nothing). A waterfall asks each provider only for the records holding that provider's inputs.
    /// </summary>
    private EnrichmentRequest? Request(Profile profile)
    {
        if (!_inputSets.Any(set => set.All(input => !profile[input].IsEmpty)))
        {
            return null;
        }

        var inputs = _inputSets.SelectMany(set => set).Distinct(StringComparer.Ordinal)
            .Where(input => !profile[input].IsEmpty)
            .ToDictionary(input => input, input => profile[input], StringComparer.Ordinal);
        return new EnrichmentRequest(profile.Id, inputs);
    }

    /// <summary>Looks the records up, a paid batch at a time; false when the budget cannot pay for the next call.</summary>
    private async Task<bool> LookUpAsync(List<EnrichmentRequest> requests, bool force, bool test, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return true;
        }

        var toBuy = requests;
        if (!force && !test)
        {
            var bought = await environment.Outputs.FindLookupsAsync(definition.Name, [.. requests.Select(r => r.Profile)], cancellationToken).ConfigureAwait(false);
            toBuy = [.. requests.Where(r => !(bought.TryGetValue(r.Profile, out var hash) && hash == InputsHash.Of(r.Inputs)))];
            _tally.Skipped += requests.Count - toBuy.Count;
        }

        var next = 0;
        while (next < toBuy.Count)
        {
            var batch = toBuy.GetRange(next, Math.Min(_provider.MaxBatchSize, toBuy.Count - next));
            var (reservation, affordable) = await ReserveAsync(batch.Count, cancellationToken).ConfigureAwait(false);
            if (affordable == 0)
            {
                return false;
            }

            batch = batch.GetRange(0, affordable);
            await CallAsync(batch, reservation, test, cancellationToken).ConfigureAwait(false);
            next += batch.Count;
        }

        return true;
    }

    private Task<(CreditReservation? Reservation, int Records)> ReserveAsync(int records, CancellationToken cancellationToken) =>
        RecordReservations.ReserveAsync(
            environment.Ledger, _budget, records, _provider.CreditsPerRecord, environment.Time, environment.ReservationHold,
            $"enrichment '{definition.Name}' run {run.Id}", cancellationToken);

    private async Task CallAsync(List<EnrichmentRequest> batch, CreditReservation? reservation, bool test, CancellationToken cancellationToken)
    {
        IReadOnlyList<EnrichmentResult> results;
        try
        {
            results = await _provider.EnrichAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (reservation is not null)
            {
                await environment.Ledger.ReleaseAsync(reservation, CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }

        var spent = Math.Min(results.Sum(r => r.Credits), reservation?.Credits ?? 0);
        if (reservation is not null)
        {
            try
            {
                await environment.Ledger.SettleAsync(reservation, spent, environment.Time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                EnrichmentLog.SpendNotRecorded(environment.Logger, definition.Name, spent, e);
            }
        }

        _tally.Credits += spent;
        _tally.Processed += batch.Count;
        var inputs = batch.ToDictionary(r => r.Profile, r => r.Inputs);
        await environment.Outputs.AppendOutputsAsync(
            [.. results.Select(r => new EnrichmentRunOutput(run.Id, r.Profile, r.Outcome, InputsHash.Of(inputs[r.Profile]))
            {
                Values = r.Values,
                Provider = r.Provider,
                Credits = r.Credits,
                Error = r.Error,
            })],
            cancellationToken).ConfigureAwait(false);

        foreach (var failed in results.Where(r => r.Outcome == EnrichmentOutcome.Failed))
        {
            _tally.Fail(new EnrichmentError(failed.Profile, failed.Provider, failed.Error ?? "the provider gave no reason"));
        }

        var found = results.Where(r => r.Outcome == EnrichmentOutcome.Found).ToList();
        if (found.Count > 0)
        {
            await DeliverAsync(found, test, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes what was found (not in a test), then counts what the gate holds back and hands the rest to the action.</summary>
    private async Task DeliverAsync(List<EnrichmentResult> found, bool test, CancellationToken cancellationToken)
    {
        if (!test && definition.Mappings.Count > 0)
        {
            var records = found.Select(Record).Where(r => r.Values.Count > 0).ToList();
            var written = await environment.Profiles.UpsertAsync(records, new ImportOptions(definition.Kind) { MatchOn = [] }, cancellationToken).ConfigureAwait(false);
            _tally.Written += written.Created + written.Updated;
            foreach (var error in written.Errors)
            {
                if (error.Record is { } key && ProfileId.TryParse(key.ExternalId, out var profile))
                {
                    _tally.Fail(new EnrichmentError(profile, null, $"could not write: {error.Message}"));
                }
            }
        }

        if (_gate is null && _action is null)
        {
            return;
        }

        var passed = new List<RecordActionItem>();
        foreach (var result in found)
        {
            if (await environment.Profiles.GetProfileAsync(result.Profile, cancellationToken).ConfigureAwait(false) is not { } profile)
            {
                continue;
            }

            if (_gate is not null && !await PassesGateAsync(profile, result, test, cancellationToken).ConfigureAwait(false))
            {
                _tally.Gated++;
                continue;
            }

            passed.Add(new RecordActionItem(profile, result.Values));
        }

        if (_action is not null && passed.Count > 0 && !test)
        {
            // A capped target takes at most its rows a run; the rest are counted, not handed over.
            if (_action.MaxRows is { } cap && _tally.Acted + passed.Count > cap)
            {
                var room = (int)Math.Max(0, cap - _tally.Acted);
                _tally.HeldBack += passed.Count - room;
                passed = passed.GetRange(0, room);
            }

            if (passed.Count > 0)
            {
                await _action.ExecuteAsync(passed, cancellationToken).ConfigureAwait(false);
                _tally.Acted += passed.Count;
            }
        }
    }

    /// <summary>
    /// Whether the record meets the gate after the enrichment: its profile as written, or in a test (which writes
    /// nothing) its profile with the mapped values laid over it.
    /// </summary>
    private async Task<bool> PassesGateAsync(Profile profile, EnrichmentResult result, bool test, CancellationToken cancellationToken)
    {
        var company = profile.Kind == EntityKind.Person
            ? await environment.Profiles.GetCompanyAsync(profile.Id, cancellationToken).ConfigureAwait(false)
            : null;
        var record = FilterRecord.FromProfile(profile, company: company);
        if (test)
        {
            var values = profile.Values.ToDictionary(v => v.Key, v => v.Value.Value, StringComparer.Ordinal);
            foreach (var mapping in definition.Mappings)
            {
                if (result.Values.TryGetValue(mapping.Output, out var value) && !value.IsEmpty)
                {
                    values[mapping.Field] = value;
                }
            }

            record = new FilterRecord(values) { Linked = record.Linked, Related = record.Related };
        }

        return new FilterEvaluator(environment.Time).Matches(_gate!, record);
    }

    /// <summary>The found values as a source record of this enrichment, attached to the profile it was found for.</summary>
    private SourceRecord Record(EnrichmentResult result) =>
        new(new SourceRecordKey("enrichment", definition.Name, result.Profile.ToString()), definition.Kind, SourceKind.Enrichment,
            definition.Mappings
                .Where(m => result.Values.TryGetValue(m.Output, out var value) && !value.IsEmpty)
                .ToDictionary(m => m.Field, m => result.Values[m.Output], StringComparer.Ordinal))
        {
            Profile = result.Profile,
            ObservedAt = environment.Time.GetUtcNow(),
        };
}
