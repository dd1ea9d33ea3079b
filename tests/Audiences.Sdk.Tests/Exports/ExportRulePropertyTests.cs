using Audiences.Sdk.Exports;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using CsCheck;

namespace Audiences.Sdk.Tests.Exports;

/// <summary>
/// Whatever imports, locks, enrichment-like writes, edits in the destination and runs happen in whatever order, an
/// export never changes a destination field whose rule is never, and never overwrites a value a field written only
/// while empty holds.
/// </summary>
public sealed class ExportRulePropertyTests
{
    private static readonly string[] People = ["Ada", "Grace", "Alan"];

    [Fact]
    public void NoSequenceOfChangesAndRuns_ChangesANeverField_OrOverwritesANonEmptyIfEmptyField()
    {
        var step = Gen.Select(Gen.Int[0, 4], Gen.Int[0, People.Length - 1], Gen.Int[0, 9]);
        step.Array[1, 14].Sample(steps => ScenarioAsync(steps).GetAwaiter().GetResult(), iter: 40);
    }

    private static async Task ScenarioAsync((int Kind, int Person, int Value)[] steps)
    {
        using var fx = new ExportFixture();
        foreach (var person in People)
        {
            await fx.PersonAsync(person, score: 1, owner: "import");
        }

        fx.Seed("Ada", ("owner", FieldValue.FromText("sales")));
        await fx.Exports.SaveAsync(new ExportDefinition("rules", EntityKind.Person, ExportFixture.Crm)
        {
            CreateNew = true,
            Mappings =
            [
                new ExportMapping("first_name", "name") { Rule = WriteRule.Always },
                new ExportMapping("owner", "owner") { Rule = WriteRule.Never },
                new ExportMapping("score", "score") { Rule = WriteRule.IfEmpty },
            ],
        });

        foreach (var (kind, index, value) in steps.Append((4, 0, 0)))
        {
            var person = People[index];
            switch (kind)
            {
                case 0:
                    await fx.PersonAsync(person, score: value, owner: $"import-{value}");
                    break;
                case 1:
                    var profile = await fx.GetAsync(person);
                    await fx.Profiles.LockFieldAsync(profile.Id, value % 2 == 0 ? "score" : "owner", value % 2 == 0 ? FieldValue.FromNumber(value) : FieldValue.FromText($"locked-{value}"));
                    break;
                case 2:
                    // An enrichment's answer for the profile: a source record of its own, pointing at the profile.
                    var enriched = await fx.GetAsync(person);
                    await fx.Profiles.UpsertAsync(
                        [new SourceRecord(new SourceRecordKey("enrichment", "people", person), EntityKind.Person, SourceKind.Enrichment, new Dictionary<string, FieldValue>
                        {
                            ["score"] = FieldValue.FromNumber(value + 10),
                            ["owner"] = FieldValue.FromText($"enriched-{value}"),
                        })
                        { Profile = enriched.Id, ObservedAt = fx.Clock.GetUtcNow() }],
                        new ImportOptions(EntityKind.Person));
                    break;
                case 3:
                    // Someone edits the record in the destination: the owner is theirs, the score they may set or clear.
                    if (fx.Destination.Records.ContainsKey(ExportFixture.Email(person)))
                    {
                        var held = fx.Destination.Records[ExportFixture.Email(person)];
                        var edited = held.ToDictionary(v => v.Key, v => v.Value);
                        edited["owner"] = FieldValue.FromText($"human-{value}");
                        edited["score"] = value % 3 == 0 ? FieldValue.Empty : FieldValue.FromNumber(100 + value);
                        fx.Destination.Seed(ExportFixture.Email(person), edited);
                    }

                    break;
                default:
                    var before = fx.Destination.Records;
                    await fx.Exports.RunAsync("rules");
                    var after = fx.Destination.Records;
                    foreach (var (key, record) in after)
                    {
                        var was = before.TryGetValue(key, out var old) ? old : null;
                        Value(record, "owner").Should().Be(was is null ? FieldValue.Empty : Value(was, "owner"), "the owner's rule is never");
                        if (was is not null && !Value(was, "score").IsEmpty)
                        {
                            Value(record, "score").Should().Be(Value(was, "score"), "a score the destination holds is never overwritten");
                        }
                    }

                    break;
            }

            fx.Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    private static FieldValue Value(IReadOnlyDictionary<string, FieldValue> record, string field) =>
        record.TryGetValue(field, out var value) ? value : FieldValue.Empty;
}
