using JasperFx.Events;
using SpbeOps.Contracts.Risk;
using SpbeOps.Risk.Api.Approval;
using SpbeOps.Risk.Api.Contexts;
using SpbeOps.Risk.Api.Monitoring;
using SpbeOps.Risk.Api.Risks;
using static SpbeOps.Risk.Tests.Unit.Builders;

namespace SpbeOps.Risk.Tests.Unit;

/// <summary>The facts indicator 21 is computed from: every field of the contracts, the state after the change.</summary>
public sealed class EventMapperTests
{
    private static IEvent Stored(object data) => new Event<object>(data) { TenantId = "kota-pangkalpinang" };

    [Fact]
    public void Risk_events_carry_the_risk_after_the_change()
    {
        var ctx = Context();
        var planned = (RiskDecider.Planned)RiskDecider.Treat(NewRisk(ctx, Assessment(5, 4)), Treatment("mitigasi", 2, 2), ctx, Guid.NewGuid(), null, "t", Now);
        var mapped = new RiskEventMapper().Map(Stored(new RiskTreatmentPlanned(planned.Risk, planned.Plan.Id, "t", Now)));

        var e = Assert.IsType<RiskChangedIntegrationEvent>(mapped);
        var r = planned.Risk;
        Assert.Equal(new RiskChangedIntegrationEvent("kota-pangkalpinang", r.Id, 2, "diskominfo", 2026, "negatif", "infrastruktur-spbe",
            23, 7, true, true, true, "draft", false, Now), e);
    }

    [Fact]
    public void Every_risk_event_type_is_published()
    {
        var mapper = new RiskEventMapper();
        var risk = NewRisk(Context());
        var step = new ApprovalStep("ajukan", "draft", "diajukan", "pengelola", "t", Now, null);
        object[] events =
        [
            new RiskIdentified(risk, "api", "t", Now), new RiskAssessmentRevised(risk, "xlsx", "t", Now), new RiskTreatmentPlanned(risk, Guid.NewGuid(), "t", Now),
            new RiskTreatmentRevised(risk, Guid.NewGuid(), "t", Now), new RiskTreatmentRemoved(risk, Guid.NewGuid(), "t", Now),
            new RiskApprovalRecorded(risk, step, "t", Now), new RiskWithdrawn(risk, "duplikat", "t", Now), new RiskRecalculated(risk, 2, "t", Now),
        ];
        Assert.Equal(events.Select(e => e.GetType()), mapper.EventTypes);
        Assert.All(events, e => Assert.IsType<RiskChangedIntegrationEvent>(mapper.Map(Stored(e))));
    }

    [Fact]
    public void Context_events_carry_completeness_and_approval_status()
    {
        var ctx = Context();
        ctx.ApprovalStatus = ApprovalFlow.Approved;
        ctx.Version = 4;
        var e = Assert.IsType<RiskContextChangedIntegrationEvent>(new ContextEventMapper().Map(Stored(new RiskContextRevised(ctx, "t", Now))));
        Assert.Equal(new RiskContextChangedIntegrationEvent("kota-pangkalpinang", ctx.Id, 4, "diskominfo", 2026, true, "disetujui", Now), e);
    }

    [Fact]
    public void Monitoring_events_carry_kind_quarter_and_date()
    {
        var report = new MonitoringReport { Id = Guid.NewGuid(), Opd = "dinkes", PeriodYear = 2026, Kind = "triwulan", Quarter = 2, ReportedOn = new DateOnly(2026, 7, 3), Version = 3, ApprovalStatus = "diajukan" };
        var e = Assert.IsType<RiskMonitoringRecordedIntegrationEvent>(new MonitoringEventMapper().Map(Stored(new RiskMonitoringRevised(report, "t", Now))));
        Assert.Equal(new RiskMonitoringRecordedIntegrationEvent("kota-pangkalpinang", report.Id, 3, "dinkes", 2026, "triwulan", 2, new DateOnly(2026, 7, 3), "diajukan", Now), e);
    }
}
