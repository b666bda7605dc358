using SpbeOps.Contracts.Risk;
using SpbeOps.Records;
using SpbeOps.Risk.Api.Approval;
using SpbeOps.Risk.Api.Contexts;
using SpbeOps.Risk.Api.Monitoring;
using SpbeOps.Risk.Api.Risks;
using static SpbeOps.Risk.Tests.Unit.Builders;

namespace SpbeOps.Risk.Tests.Unit;

/// <summary>
/// The facts indicator 21 is computed from: every field of the contracts, from the record's state (events carry only
/// what changed; the forwarder publishes the state of the record they changed).
/// </summary>
public sealed class EventMapperTests
{
    [Fact]
    public void A_risk_publishes_its_state_after_the_change()
    {
        var ctx = Context();
        var r = Accepted(RiskDecider.Treat(NewRisk(ctx, Assessment(5, 4)), Treatment("mitigasi", 2, 2), ctx, Guid.NewGuid(), null, "t", Now));
        (r.Version, r.UpdatedAt) = (2, Now);

        var e = Assert.IsType<RiskChangedIntegrationEvent>(r.ToIntegrationEvent("kota-pangkalpinang"));
        Assert.Equal(new RiskChangedIntegrationEvent("kota-pangkalpinang", r.Id, 2, "diskominfo", 2026, "negatif", "infrastruktur-spbe",
            23, 7, true, true, true, "draft", false, Now), e);
    }

    [Fact]
    public void Every_event_type_of_a_record_is_registered_with_it()
    {
        Assert.Equal(
            [typeof(RiskApprovalRecorded), typeof(RiskAssessmentRevised), typeof(RiskIdentified), typeof(RiskRecalculated),
             typeof(RiskTreatmentPlanned), typeof(RiskTreatmentRemoved), typeof(RiskTreatmentRevised), typeof(RiskWithdrawn)],
            RecordRegistrationExtensions.EventTypesOf<RegisteredRisk>().OrderBy(t => t.Name));
        Assert.Equal([typeof(RiskContextApprovalRecorded), typeof(RiskContextDefined), typeof(RiskContextRevised)],
            RecordRegistrationExtensions.EventTypesOf<RiskContext>().OrderBy(t => t.Name));
        Assert.Equal([typeof(RiskMonitoringApprovalRecorded), typeof(RiskMonitoringReported), typeof(RiskMonitoringRevised)],
            RecordRegistrationExtensions.EventTypesOf<MonitoringReport>().OrderBy(t => t.Name));
    }

    [Fact]
    public void A_context_publishes_completeness_and_approval_status()
    {
        var ctx = Context();
        (ctx.ApprovalStatus, ctx.Version, ctx.UpdatedAt) = (ApprovalFlow.Approved, 4, Now);
        var e = Assert.IsType<RiskContextChangedIntegrationEvent>(ctx.ToIntegrationEvent("kota-pangkalpinang"));
        Assert.Equal(new RiskContextChangedIntegrationEvent("kota-pangkalpinang", ctx.Id, 4, "diskominfo", 2026, true, "disetujui", Now), e);
    }

    [Fact]
    public void A_monitoring_report_publishes_kind_quarter_and_date()
    {
        var report = new MonitoringReport
        {
            Id = Guid.NewGuid(), Opd = "dinkes", PeriodYear = 2026, Kind = "triwulan", Quarter = 2, ReportedOn = new DateOnly(2026, 7, 3),
            Version = 3, ApprovalStatus = "diajukan", UpdatedAt = Now,
        };
        var e = Assert.IsType<RiskMonitoringRecordedIntegrationEvent>(report.ToIntegrationEvent("kota-pangkalpinang"));
        Assert.Equal(new RiskMonitoringRecordedIntegrationEvent("kota-pangkalpinang", report.Id, 3, "dinkes", 2026, "triwulan", 2, new DateOnly(2026, 7, 3), "diajukan", Now), e);
    }

    [Fact]
    public void An_approval_step_carries_the_step_and_reads_as_a_history_line()
    {
        var step = new ApprovalStep("kembalikan", "diajukan", "dikembalikan", "koordinator", "t", Now, "Penyebab kurang rinci");
        var line = new RiskApprovalRecorded(step).Describe();
        Assert.Equal(("kembalikan: diajukan → dikembalikan (Koordinator Risiko)", "Penyebab kurang rinci"), (line.Change, line.Comment));
    }
}
