using JasperFx.Events;
using SpbeOps.Contracts.Risk;
using SpbeOps.Messaging;

namespace SpbeOps.Risk.Api.Risks;

internal sealed class RiskEventMapper : IIntegrationEventMapper
{
    public IReadOnlyCollection<Type> EventTypes { get; } =
    [
        typeof(RiskIdentified), typeof(RiskAssessmentRevised), typeof(RiskTreatmentPlanned), typeof(RiskTreatmentRevised),
        typeof(RiskTreatmentRemoved), typeof(RiskApprovalRecorded), typeof(RiskWithdrawn), typeof(RiskRecalculated),
    ];

    public object? Map(IEvent e) => e.Data switch
    {
        RiskIdentified d => ToContract(e.TenantId, d.Risk, d.At),
        RiskAssessmentRevised d => ToContract(e.TenantId, d.Risk, d.At),
        RiskTreatmentPlanned d => ToContract(e.TenantId, d.Risk, d.At),
        RiskTreatmentRevised d => ToContract(e.TenantId, d.Risk, d.At),
        RiskTreatmentRemoved d => ToContract(e.TenantId, d.Risk, d.At),
        RiskApprovalRecorded d => ToContract(e.TenantId, d.Risk, d.At),
        RiskWithdrawn d => ToContract(e.TenantId, d.Risk, d.At),
        RiskRecalculated d => ToContract(e.TenantId, d.Risk, d.At),
        _ => null,
    };

    internal static RiskChangedIntegrationEvent ToContract(string instansi, RegisteredRisk r, DateTimeOffset at) =>
        new(instansi, r.Id, r.Version, r.Opd, r.PeriodYear, r.RiskType, r.Category, r.Besaran, r.ResidualBesaran,
            r.AboveAppetite, r.AssessmentComplete, r.TreatmentDecided, r.ApprovalStatus, r.Withdrawn, at);
}
