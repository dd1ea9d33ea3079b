using System.Globalization;
using System.Runtime.CompilerServices;
using Audiences.Sdk.Credits;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Signals.Engine;

/// <summary>
/// One run of a signal: the members of its audiences, a provider batch at a time, each record asked about the time since
/// its last check (the look-back when it was never checked), each call paid from a reservation in the ledger first; the
/// events found written to the profiles, then the records marked checked up to the run's start.
/// </summary>
internal sealed class SignalRunner(SignalEnvironment environment, SignalDefinition definition, SignalRun run)
{
    /// <summary>How many members are gathered before their checks are read together.</summary>
    private const int MembersPerRound = 500;

    private readonly SignalTally _tally = new(environment.MaxReportedErrors);
    private readonly string _budget = definition.EffectiveBudget;
    private readonly DateTimeOffset _lookBackStart = run.StartedAt.AddMonths(-(int)definition.LookBack);
    private ISignalProvider _provider = null!;
    private Dictionary<string, string> _signalNames = null!;

    /// <summary>The run as far as it got.</summary>
    public SignalRun Progress => _tally.ApplyTo(run);

    public async Task<SignalRun> RunAsync(CancellationToken cancellationToken)
    {
        _provider = environment.Providers.GetSignalProvider(definition.Provider);
        _signalNames = (await environment.Definitions.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(d => d.Kind == definition.Kind)
            .ToDictionary(d => d.Field, d => d.Name, StringComparer.Ordinal);

        var pending = new List<Profile>(MembersPerRound);
        await foreach (var profile in MembersAsync(cancellationToken).ConfigureAwait(false))
        {
            pending.Add(profile);
            if (pending.Count >= MembersPerRound)
            {
                if (!await CheckAsync(pending, cancellationToken).ConfigureAwait(false))
                {
                    return Finish(SignalRunStatus.BudgetReached);
                }

                pending.Clear();
            }
        }

        return await CheckAsync(pending, cancellationToken).ConfigureAwait(false)
            ? Finish(SignalRunStatus.Completed)
            : Finish(SignalRunStatus.BudgetReached);
    }

    private SignalRun Finish(SignalRunStatus status)
    {
        if (status == SignalRunStatus.BudgetReached)
        {
            SignalLog.BudgetReached(environment.Logger, definition.Name, run.Id);
        }

        return _tally.ApplyTo(run) with { Status = status, FinishedAt = environment.Time.GetUtcNow() };
    }

    /// <summary>Every member of the signal's audiences once, in the order the audiences list them.</summary>
    private async IAsyncEnumerable<Profile> MembersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<ProfileId>();
        foreach (var audience in definition.Audiences.Distinct())
        {
            ProfileId? after = null;
            do
            {
                var page = await environment.Audiences.ListMembersAsync(audience, after, MembersPerRound, cancellationToken).ConfigureAwait(false);
                foreach (var profile in page.Profiles.Where(p => seen.Add(p.Id)))
                {
                    yield return profile;
                }

                after = page.Next;
            }
            while (after is not null);
        }
    }

    /// <summary>Checks the records, grouped by the time each is asked about; false when the budget cannot pay for the next call.</summary>
    private async Task<bool> CheckAsync(List<Profile> profiles, CancellationToken cancellationToken)
    {
        if (profiles.Count == 0)
        {
            return true;
        }

        var checks = await environment.Runs.FindChecksAsync(definition.Name, [.. profiles.Select(p => p.Id)], cancellationToken).ConfigureAwait(false);
        // Those waiting longest go first (never checked, then the oldest checks), so a cap reached part-way leaves the freshest.
        foreach (var group in profiles.GroupBy(p => checks.TryGetValue(p.Id, out var until) ? until : _lookBackStart).OrderBy(g => g.Key))
        {
            var records = group.ToList();
            for (var next = 0; next < records.Count;)
            {
                var batch = records.GetRange(next, Math.Min(_provider.MaxBatchSize, records.Count - next));
                var (reservation, affordable) = await ReserveAsync(batch.Count, cancellationToken).ConfigureAwait(false);
                if (affordable == 0)
                {
                    return false;
                }

                batch = batch.GetRange(0, affordable);
                await CallAsync(batch, group.Key, reservation, cancellationToken).ConfigureAwait(false);
                next += batch.Count;
            }
        }

        return true;
    }

    private Task<(CreditReservation? Reservation, int Records)> ReserveAsync(int records, CancellationToken cancellationToken) =>
        RecordReservations.ReserveAsync(
            environment.Ledger, _budget, records, _provider.CreditsPerRecord, environment.Time, environment.ReservationHold,
            $"signal '{definition.Name}' run {run.Id}", cancellationToken);

    private async Task CallAsync(List<Profile> batch, DateTimeOffset since, CreditReservation? reservation, CancellationToken cancellationToken)
    {
        IReadOnlyList<SignalResult> results;
        try
        {
            results = await _provider.DetectAsync(batch, since, cancellationToken).ConfigureAwait(false);
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
                SignalLog.SpendNotRecorded(environment.Logger, definition.Name, spent, e);
            }
        }

        _tally.Credits += spent;

        // A provider failing for a record fails only that record: it is not marked checked, so the next run asks again.
        var answers = new Dictionary<ProfileId, SignalResult>();
        foreach (var result in results)
        {
            answers.TryAdd(result.Profile, result);
        }

        var answered = new List<SignalResult>(batch.Count);
        foreach (var profile in batch)
        {
            if (!answers.TryGetValue(profile.Id, out var result))
            {
                _tally.Fail(new SignalError(profile.Id, $"'{_provider.Name}' gave no answer for the record"));
            }
            else if (result.Error is { } error)
            {
                _tally.Fail(new SignalError(profile.Id, error));
            }
            else
            {
                answered.Add(result);
            }
        }

        var unwritten = await WriteAsync(batch, [.. answered.Where(r => r.Events.Count > 0)], cancellationToken).ConfigureAwait(false);
        var checkedIds = answered.Select(r => r.Profile).Where(id => !unwritten.Contains(id)).ToList();
        _tally.Checked += checkedIds.Count;
        if (checkedIds.Count > 0)
        {
            // Marked after the events are written: a crash in between asks again rather than losing an event.
            await environment.Runs.RecordChecksAsync(definition.Name, checkedIds, run.StartedAt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the newest event of each record that fired, then each such record's summary; returns the records that could not be written.</summary>
    private async Task<HashSet<ProfileId>> WriteAsync(List<Profile> batch, List<SignalResult> fired, CancellationToken cancellationToken)
    {
        var unwritten = new HashSet<ProfileId>();
        if (fired.Count == 0)
        {
            return unwritten;
        }

        var now = environment.Time.GetUtcNow();
        var byId = batch.ToDictionary(p => p.Id);
        var records = new List<SourceRecord>(fired.Count);
        foreach (var result in fired)
        {
            var newest = result.Events.MaxBy(e => e.OccurredAt)!;
            var held = byId[result.Profile][definition.Field];

            // An event no newer than the one already held (a look-back after the signal was recreated, or one at the very
            // time of the last check, reported again) does not move the field backwards, and is no new event: not fired.
            if (held.Type == FieldType.DateTime && held.AsDateTime() >= newest.OccurredAt)
            {
                continue;
            }

            _tally.Fired++;

            records.Add(new SourceRecord(
                new SourceRecordKey("signal", definition.Name, result.Profile.ToString()), definition.Kind, SourceKind.Enrichment,
                new Dictionary<string, FieldValue>(StringComparer.Ordinal)
                {
                    [definition.Field] = FieldValue.FromDateTime(newest.OccurredAt),
                    [definition.DetailsField] = FieldValue.FromText(newest.Details),
                })
            {
                Profile = result.Profile,
                ObservedAt = now,
            });
        }

        var written = await UpsertAsync(records, unwritten, cancellationToken).ConfigureAwait(false);
        var summaries = new List<SourceRecord>(written.Count);
        foreach (var id in written)
        {
            if (await environment.Profiles.GetProfileAsync(id, cancellationToken).ConfigureAwait(false) is { } profile)
            {
                summaries.Add(new SourceRecord(
                    new SourceRecordKey("signal", "summary", profile.Id.ToString()), definition.Kind, SourceKind.Enrichment,
                    new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [SignalFields.Summary] = FieldValue.FromText(Summary(profile)) })
                {
                    Profile = profile.Id,
                    ObservedAt = now,
                });
            }
        }

        await UpsertAsync(summaries, unwritten, cancellationToken).ConfigureAwait(false);
        return unwritten;
    }

    /// <summary>Upserts records attached to their profiles; returns the profiles written and adds those refused to <paramref name="unwritten"/>.</summary>
    private async Task<List<ProfileId>> UpsertAsync(List<SourceRecord> records, HashSet<ProfileId> unwritten, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return [];
        }

        var result = await environment.Profiles.UpsertAsync(records, new ImportOptions(definition.Kind) { MatchOn = [] }, cancellationToken).ConfigureAwait(false);
        foreach (var error in result.Errors)
        {
            if (error.Record is { } key && ProfileId.TryParse(key.ExternalId, out var profile) && unwritten.Add(profile))
            {
                _tally.Fail(new SignalError(profile, $"could not write the event: {error.Message}"));
            }
        }

        return [.. records.Select(r => r.Profile!.Value).Where(id => !unwritten.Contains(id))];
    }

    /// <summary>Every signal the record holds, newest first: <c>yyyy-MM-dd NAME: details</c>, joined by <c> | </c>.</summary>
    private string Summary(Profile profile)
    {
        var entries = profile.Values
            .Where(v => v.Key.StartsWith("signal_", StringComparison.Ordinal)
                && v.Key != SignalFields.Summary
                && v.Value.Value.Type == FieldType.DateTime)
            .Select(v => (At: v.Value.Value.AsDateTime(), Name: _signalNames.TryGetValue(v.Key, out var name) ? name : v.Key["signal_".Length..], Details: profile[v.Key + "_details"]))
            .OrderByDescending(e => e.At)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => e.Details.IsEmpty
                ? string.Create(CultureInfo.InvariantCulture, $"{e.At.UtcDateTime:yyyy-MM-dd} {e.Name}")
                : string.Create(CultureInfo.InvariantCulture, $"{e.At.UtcDateTime:yyyy-MM-dd} {e.Name}: {e.Details}"));
        return string.Join(" | ", entries);
    }
}
