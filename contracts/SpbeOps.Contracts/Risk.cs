namespace SpbeOps.Contracts.Risk;

/// <summary>
/// The risk context (Formulir 2.x) of one UPR SPBE (a perangkat daerah) for one period, after a change.
/// State-carried: consumers keep the highest <see cref="Version"/>.
/// </summary>
/// <param name="Complete">every section the regulation requires is filled: information, sasaran, structure, categories, impact areas, criteria, matrix and appetite</param>
/// <param name="ApprovalStatus">draft | diajukan | diverifikasi | disetujui | dikembalikan</param>
public sealed record RiskContextChangedIntegrationEvent(
    string Instansi,
    Guid ContextId,
    long Version,
    string Opd,
    int PeriodYear,
    bool Complete,
    string ApprovalStatus,
    DateTimeOffset OccurredAt);

/// <summary>One risk of a register (Formulir 3.0 and 4.0) after a change.</summary>
/// <param name="RiskType">positif | negatif</param>
/// <param name="Besaran">besaran risiko from the matrix (1–25) of the inherent assessment</param>
/// <param name="ResidualBesaran">besaran after the planned treatment, when a treatment plan exists</param>
/// <param name="AboveAppetite">besaran is at or above the appetite of its category and type: it must be treated</param>
/// <param name="AssessmentComplete">every Formulir 3.0 field is filled (event, cause, category, impact, impact area, controls, likelihood and impact with explanations)</param>
/// <param name="TreatmentDecided">a treatment plan (Formulir 4.0: option, action, output, schedule, person in charge) exists</param>
public sealed record RiskChangedIntegrationEvent(
    string Instansi,
    Guid RiskId,
    long Version,
    string Opd,
    int PeriodYear,
    string RiskType,
    string Category,
    int Besaran,
    int? ResidualBesaran,
    bool AboveAppetite,
    bool AssessmentComplete,
    bool TreatmentDecided,
    string ApprovalStatus,
    bool Withdrawn,
    DateTimeOffset OccurredAt);

/// <summary>A monitoring report (Formulir 5.0) was recorded or revised.</summary>
/// <param name="Kind">triwulan | semester | tahunan | insidental</param>
/// <param name="Quarter">1–4 for a quarterly report</param>
public sealed record RiskMonitoringRecordedIntegrationEvent(
    string Instansi,
    Guid MonitoringId,
    long Version,
    string Opd,
    int PeriodYear,
    string Kind,
    int? Quarter,
    DateOnly ReportedOn,
    string ApprovalStatus,
    DateTimeOffset OccurredAt);
