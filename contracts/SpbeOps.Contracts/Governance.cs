namespace SpbeOps.Contracts.Governance;

/// <summary>
/// A governance record of one management indicator after a change: a policy/guideline (pedoman, SOP,
/// strategi), a planned programme, a periodic review and evaluation, or a follow-up improvement.
/// State-carried and versioned like every SpbeOps fact.
/// </summary>
/// <param name="RecordType">policy | programme | review | follow-up</param>
/// <param name="PolicyKind">for policies: pedoman | sop | strategi | kebijakan</param>
/// <param name="Issuer">for policies: walikota | bupati | gubernur | sekretaris-daerah | tim-koordinasi-spbe | komite-manajemen-risiko | forum-satu-data | kepala-perangkat-daerah</param>
/// <param name="AllOpd">the record covers every perangkat daerah of the instansi</param>
/// <param name="ScopeOpds">the perangkat daerah covered when not all</param>
/// <param name="Covers">topics a guideline covers (e.g. the asset lifecycle stages)</param>
/// <param name="Date">policy: issued on; programme: start; review: held on; follow-up: due on</param>
/// <param name="EndDate">programme: last day</param>
/// <param name="Status">follow-ups: direncanakan | berjalan | selesai</param>
public sealed record GovernanceRecordChangedIntegrationEvent(
    string Instansi,
    Guid RecordId,
    long Version,
    int Indicator,
    string RecordType,
    string Title,
    string? PolicyKind,
    string? Issuer,
    string? IssuerOpd,
    bool AllOpd,
    IReadOnlyList<string> ScopeOpds,
    IReadOnlyList<string> Covers,
    DateOnly? Date,
    DateOnly? EndDate,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    Guid? ReviewId,
    string? Status,
    DateOnly? CompletedOn,
    bool Withdrawn,
    DateTimeOffset OccurredAt);
