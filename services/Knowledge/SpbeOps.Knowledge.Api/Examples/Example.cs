using SpbeOps.Contracts.Knowledge;
namespace SpbeOps.Knowledge.Api.Examples;

// EXAMPLE to replace: the template's one record feature (this folder, its tests and its contract). It shows the
// shared write path end to end; rename or delete it when the service has its own records.

/// <summary>A record of one perangkat daerah (a Marten document; its history is its event stream).</summary>
public sealed record Example : IRecord<Example>, IOpdRecord, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("contoh", "example");

    public string Opd { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>The final state: a withdrawn example no longer changes.</summary>
    public bool Withdrawn { get; set; }
    public string? WithdrawnReason { get; set; }

    public object ToIntegrationEvent(string instansi) =>
        new ExampleChangedIntegrationEvent(instansi, Id, Version, Opd, Title, Withdrawn, UpdatedAt);

    // What every record carries (IRecord); the write path sets them.
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Create an example, or replace its fields.</summary>
public sealed record ExampleRequest(string? Opd, string? Title, string? Description = null);

public sealed record WithdrawalRequest(string? Reason);

// Its events say what happened; the fields each one set travel in RecordEvent.Changes (decision 14).
public sealed record ExampleCreated : RecordEvent<Example>
{
    public override HistoryLine Describe() => new("dibuat / created");
}

public sealed record ExampleUpdated : RecordEvent<Example>
{
    public override HistoryLine Describe() => new($"diperbarui / updated: {string.Join(", ", Changes.Keys)}");
}

public sealed record ExampleWithdrawn(string Reason) : RecordEvent<Example>
{
    public override HistoryLine Describe() => new("dicabut / withdrawn", Reason);
}
