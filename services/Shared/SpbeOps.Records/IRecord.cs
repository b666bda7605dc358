namespace SpbeOps.Records;

/// <summary>
/// A record people keep in a service (an asset, a risk, a policy…): a Marten document of one instansi whose
/// history is its event stream (docs/architecture.md decision 13). The write path sets the audit fields.
/// </summary>
public interface IRecord
{
    Guid Id { get; set; }
    long Version { get; set; }
    string UpdatedBy { get; set; }
    DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Whether the caller may see the record. One they may not see is reported as absent (404).</summary>
    bool ReadableBy(Caller caller);

    /// <summary>Whether the caller may change the record (403 otherwise).</summary>
    bool WritableBy(Caller caller);
}

/// <summary>A record type: how users name it (404 and 403 texts).</summary>
public interface IRecord<TSelf> : IRecord where TSelf : class, IRecord<TSelf>
{
    static abstract RecordNoun Noun { get; }
}

/// <summary>How users call a record type, e.g. <c>new("aset", "asset")</c>.</summary>
public sealed record RecordNoun(string Indonesian, string English)
{
    public override string ToString() => $"{char.ToUpperInvariant(Indonesian[0])}{Indonesian[1..]} / {char.ToUpperInvariant(English[0])}{English[1..]}";
}

/// <summary>A record that belongs to one perangkat daerah: an OPD operator reads and writes only its own OPD's.</summary>
public interface IOpdRecord : IRecord
{
    string Opd { get; }

    bool IRecord.ReadableBy(Caller caller) => caller.CanRead(Opd);

    bool IRecord.WritableBy(Caller caller) => caller.CanWrite(Opd);
}

/// <summary>
/// A record other services learn about: its state as an integration event of SpbeOps.Contracts. The broker forwarder
/// publishes it after every change (state-carried, versioned; consumers keep the latest version).
/// </summary>
public interface IPublishedRecord
{
    object ToIntegrationEvent(string instansi);
}
