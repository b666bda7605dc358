using SpbeOps.Contracts.Security;

namespace SpbeOps.Security.Api.Implementations;

/// <summary>
/// How one perangkat daerah implements one control of the catalogue: its status, the SPBE risks it answers
/// ("berdasarkan Risiko SPBE", risk ids learned from the Risk service), the evidence, the owner and the last
/// effectiveness test. One per OPD and control; "belum" is how an implementation is taken back.
/// </summary>
public sealed record ControlImplementation : IRecord<ControlImplementation>, IOpdRecord, IPublishedRecord
{
    public static RecordNoun Noun { get; } = new("penerapan kendali", "control implementation");

    public string Opd { get; set; } = "";
    public Guid ControlId { get; set; }
    public string ControlCode { get; set; } = "";
    public string Area { get; set; } = "";
    /// <summary>belum | sebagian | penuh</summary>
    public string Status { get; set; } = "";
    public List<Guid> RiskIds { get; set; } = [];
    public string? Evidence { get; set; }
    public string? Owner { get; set; }
    public DateOnly? LastTestedOn { get; set; }
    /// <summary>efektif | kurang-efektif | tidak-efektif</summary>
    public string? LastTestResult { get; set; }

    public object ToIntegrationEvent(string instansi) => new ControlImplementationChangedIntegrationEvent(
        instansi, Id, Version, Opd, ControlId, ControlCode, Area, Status, RiskIds, LastTestedOn, LastTestResult, UpdatedAt);

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Record (POST) or revise (PUT) an implementation. The control is named by <c>controlId</c> or by its catalogue
/// <c>controlCode</c> (as a spreadsheet does); <c>opd</c> and the control cannot change.
/// </summary>
public sealed record ImplementationRequest(
    string? Opd,
    Guid? ControlId,
    string? Status,
    IReadOnlyList<Guid>? RiskIds = null,
    string? Evidence = null,
    string? Owner = null,
    DateOnly? LastTestedOn = null,
    string? LastTestResult = null,
    string? ControlCode = null);

public sealed record ImplementationPage(IReadOnlyList<ControlImplementation> Items, int Page, int PageSize, long Total, bool TotalExact, bool HasMore);

public sealed record ImplementationRecorded(string Source) : RecordEvent<ControlImplementation>
{
    public override HistoryLine Describe() => new($"dicatat / recorded ({Source})");
}

public sealed record ImplementationRevised(string Source) : RecordEvent<ControlImplementation>
{
    public override HistoryLine Describe() => new($"diperbarui / revised ({Source}): {string.Join(", ", Changes.Keys)}");
}
