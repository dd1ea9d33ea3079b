using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>One record's plan, and the write that carries it out (null when nothing is sent).</summary>
/// <param name="Candidate">The record considered.</param>
/// <param name="Plan">What the run does to it, field by field.</param>
/// <param name="Write">The write sent to the destination; null for a skip or an unchanged record.</param>
internal sealed record PlannedRecord(ExportCandidate Candidate, ExportPlanRecord Plan, DestinationWrite? Write);
