using SpbeOps.Audits;
using SpbeOps.Contracts.Audits;
using SpbeOps.Contracts.Security;
using SpbeOps.Records;
using SpbeOps.Security.Api;
using SpbeOps.Security.Api.Controls;
using SpbeOps.Security.Api.Implementations;
using SpbeOps.Security.Api.Incidents;

namespace SpbeOps.Security.Tests.Unit;

/// <summary>The catalogue's and the implementations' rules, without I/O.</summary>
public sealed class ControlDeciderTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static SecurityControl Control() => ControlDecider.Add(Guid.NewGuid(), new ControlRequest(" apl-99 ", "aplikasi", " Uji ", "keutuhan", "berkas")).Next!;

    [Fact]
    public void The_baseline_covers_every_area_property_and_the_13_application_functions_once()
    {
        var baseline = ControlBaseline.Controls;
        Assert.Equal(ControlDecider.Areas.Order(), baseline.Select(c => c.Area).Distinct().Order());
        Assert.Equal(SecurityVocabulary.Properties.Order(), baseline.Where(c => c.Area == "data-informasi").Select(c => c.Property!).Order());
        Assert.Equal(ControlDecider.Functions.Order(), baseline.Where(c => c.Area == "aplikasi").Select(c => c.Function!).Order());
        Assert.Equal(baseline.Count, baseline.Select(c => c.Code).Distinct().Count());
        Assert.All(baseline, c => Assert.False(ControlDecider.Adopt(Guid.NewGuid(), c).Rejection is not null, c.Code));
    }

    [Fact]
    public void Add_normalises_the_code_and_names_every_bad_field()
    {
        var control = Control();
        Assert.Equal(("APL-99", "Uji", "instansi"), (control.Code, control.Title, control.Source));
        var refused = Assert.IsType<Rejection.Invalid>(ControlDecider.Add(Guid.NewGuid(), new ControlRequest(null, "dapur", "", "rahasia", "berkas")).Rejection);
        Assert.Equivalent(new[] { "code", "area", "title", "property", "function" }, refused.Errors.ToDictionary().Keys, strict: true);
        var function = Assert.IsType<Rejection.Invalid>(ControlDecider.Add(Guid.NewGuid(), new ControlRequest("X-1", "pusat-data", "t", null, "berkas")).Rejection);
        Assert.Equal(["function"], function.Errors.ToDictionary().Keys);
    }

    [Fact]
    public void Retirement_needs_a_reason_and_is_final()
    {
        var control = Control();
        Assert.IsType<Rejection.Invalid>(ControlDecider.Retire(control, new RetireControlRequest(" ")).Rejection);
        var retired = ControlDecider.Retire(control, new RetireControlRequest("diganti")).Next!;
        Assert.Equal(ControlDecider.RetiredRule, Assert.IsType<Rejection.Conflict>(ControlDecider.Revise(retired, new ControlRequest("A-1", "aplikasi", "t")).Rejection).Rule);
        Assert.IsType<Rejection.Conflict>(ControlDecider.Retire(retired, new RetireControlRequest("lagi")).Rejection);
        Assert.Equal(ImplementationDecider.RetiredControlRule, Assert.IsType<Rejection.BreaksRule>(
            ImplementationDecider.Record(Guid.NewGuid(), new ImplementationRequest("dinkes", retired.Id, "penuh"), retired, Today).Rejection).Rule);
    }

    [Fact]
    public void An_implementation_copies_its_control_and_publishes_its_state()
    {
        var control = Control();
        var risk = Guid.NewGuid();
        var request = new ImplementationRequest("dinkes", control.Id, "sebagian", [risk, risk], "SOP", "Kabid", Today.AddDays(-3), "efektif");
        var implementation = ImplementationDecider.Record(Guid.NewGuid(), request, control, Today).Next!;
        Assert.Equal(("APL-99", "aplikasi", 1), (implementation.ControlCode, implementation.Area, implementation.RiskIds.Count));

        var published = Assert.IsType<ControlImplementationChangedIntegrationEvent>(implementation.ToIntegrationEvent("kota-uji"));
        Assert.Equal(("dinkes", "sebagian", "efektif"), (published.Opd, published.Status, published.LastTestResult));
    }

    [Fact]
    public void An_implementation_refuses_bad_fields_and_keeps_its_opd_and_control()
    {
        var control = Control();
        var refused = Assert.IsType<Rejection.Invalid>(ImplementationDecider.Record(Guid.NewGuid(),
            new ImplementationRequest("Dinas Kesehatan", null, "selesai", [Guid.Empty], LastTestedOn: Today.AddDays(1), LastTestResult: "bagus"), control, Today).Rejection);
        Assert.Equivalent(new[] { "opd", "controlId", "status", "lastTestedOn", "lastTestResult", "riskIds" }, refused.Errors.ToDictionary().Keys, strict: true);
        var halfTest = Assert.IsType<Rejection.Invalid>(ImplementationDecider.Record(Guid.NewGuid(),
            new ImplementationRequest("dinkes", control.Id, "penuh", LastTestedOn: Today), control, Today).Rejection);
        Assert.Equal(["lastTestResult"], halfTest.Errors.ToDictionary().Keys);

        var current = ImplementationDecider.Record(Guid.NewGuid(), new ImplementationRequest("dinkes", control.Id, "belum"), control, Today).Next!;
        var moved = Assert.IsType<Rejection.Invalid>(ImplementationDecider.Revise(current, new ImplementationRequest("dishub", Guid.NewGuid(), "penuh"), Today).Rejection);
        Assert.Equivalent(new[] { "opd", "controlId" }, moved.Errors.ToDictionary().Keys, strict: true);
        var revised = ImplementationDecider.Revise(current, new ImplementationRequest("dinkes", control.Id, "penuh"), Today).Next!;
        Assert.Equal(["status"], RecordChanges.Between(current, revised).Keys);
    }
}

/// <summary>The incident flow: order, targets, lessons learned, the CSIRT's steps.</summary>
public sealed class IncidentDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static IncidentRequest Request(string severity = "tinggi") =>
        new("dinkes", " Situs diubah ", "web-defacement", severity, Now.AddHours(-2), "Budi", Now.AddHours(-1), ["keutuhan", "keutuhan"]);

    private static SecurityIncident Reported(string severity = "tinggi") => IncidentDecider.Report(Guid.NewGuid(), Request(severity), "operator", Now).Next!;

    private static Decision<SecurityIncident> Step(SecurityIncident i, string status, int hours, bool csirt = true, string? root = null, string? lessons = null) =>
        IncidentDecider.Step(i, new IncidentStepRequest(status, null, Now.AddHours(hours), root, lessons), "csirt", Now.AddHours(hours), csirt);

    [Fact]
    public void A_report_sets_its_targets_from_the_severity_and_opens_the_timeline()
    {
        var incident = Reported();
        Assert.Equal(("Situs diubah", "dilaporkan", "Budi"), (incident.Title, incident.Status, incident.Reporter));
        Assert.Equal(Now.AddHours(-2 + 4), incident.TriageDueAt);
        Assert.Equal(Now.AddHours(-2 + 72), incident.RecoveryDueAt);
        Assert.Equal(["keutuhan"], incident.Impact);
        Assert.Single(incident.Timeline);
        Assert.True(incident.OverdueAt(Now.AddHours(3)));
        Assert.False(incident.OverdueAt(Now));
    }

    [Fact]
    public void A_bad_report_names_every_field()
    {
        var refused = Assert.IsType<Rejection.Invalid>(IncidentDecider.Report(Guid.NewGuid(),
            new IncidentRequest("x", "", "gempa", "parah", null, ReportedAt: Now.AddDays(2), Impact: ["rahasia"]), "op", Now).Rejection);
        Assert.Equivalent(new[] { "opd", "title", "category", "severity", "detectedAt", "reportedAt", "impact[0]" }, refused.Errors.ToDictionary().Keys, strict: true);
        var early = Assert.IsType<Rejection.Invalid>(IncidentDecider.Report(Guid.NewGuid(), Request() with { ReportedAt = Now.AddHours(-3) }, "op", Now).Rejection);
        Assert.Equal(["reportedAt"], early.Errors.ToDictionary().Keys);
        var later = Assert.IsType<Rejection.Invalid>(IncidentDecider.Correct(Reported(), Request() with { ReportedAt = null, DetectedAt = Now }, "op", Now).Rejection);
        Assert.Equal(["detectedAt"], later.Errors.ToDictionary().Keys);
    }

    [Fact]
    public void Steps_follow_the_flow_in_order_and_compute_the_times()
    {
        var incident = Reported();
        Assert.Equal(IncidentDecider.OrderRule, Assert.IsType<Rejection.Conflict>(Step(incident, "ditangani", 1).Rejection).Rule);
        Assert.IsType<Rejection.Forbidden>(Step(incident, "ditriase", 1, csirt: false).Rejection);

        var triaged = Step(incident, "ditriase", 3).Next!;
        Assert.Equal((5.0, true), (triaged.HoursToTriage!.Value, triaged.TriageLate));
        var handled = Step(triaged, "ditangani", 4).Next!;
        var recovered = Step(handled, "dipulihkan", 10).Next!;
        Assert.Equal((12.0, false, false), (recovered.HoursToRecover!.Value, recovered.RecoveryLate, recovered.Open));
        Assert.Equal(4, recovered.Timeline.Count);
        Assert.IsType<Rejection.Conflict>(Step(recovered, "ditriase", 11).Rejection);
    }

    [Fact]
    public void A_high_incident_closes_only_with_root_cause_and_lessons_and_then_is_final()
    {
        var recovered = new[] { "ditriase", "ditangani", "dipulihkan" }.Aggregate(Reported(), (i, s) => Step(i, s, 5).Next!);
        var refused = Assert.IsType<Rejection.BreaksRule>(Step(recovered, "ditutup", 6, root: "Plugin usang").Rejection);
        Assert.Equal((IncidentDecider.LessonsRule, "lessonsLearned"), (refused.Rule, refused.Field));

        var closed = Step(recovered, "ditutup", 6, root: "Plugin usang", lessons: "Perbarui CMS bulanan").Next!;
        Assert.Equal("ditutup", closed.Status);
        Assert.Equal(IncidentDecider.ClosedRule, Assert.IsType<Rejection.Conflict>(
            IncidentDecider.Note(closed, new TimelineRequest("lagi"), "x", Now.AddHours(7)).Rejection).Rule);
        Assert.IsType<Rejection.Conflict>(IncidentDecider.Correct(closed, Request(), "x", Now.AddHours(7)).Rejection);

        // A low incident needs no lessons to close.
        var low = new[] { "ditriase", "ditangani", "dipulihkan", "ditutup" }.Aggregate(Reported("rendah"), (i, s) => Step(i, s, 5).Next!);
        Assert.Equal("ditutup", low.Status);
    }

    [Fact]
    public void Escalation_and_notes_go_on_the_timeline_and_the_state_is_published_without_personal_details()
    {
        var incident = Reported("kritis");
        Assert.IsType<Rejection.Invalid>(IncidentDecider.Escalate(incident, new EscalationRequest("polisi"), "csirt", Now).Rejection);
        var escalated = IncidentDecider.Escalate(incident, new EscalationRequest("bssn", Now, "BSSN-2026-001"), "csirt", Now).Next!;
        Assert.Equal(("bssn", "BSSN-2026-001"), (escalated.Escalation!.To, escalated.Escalation.Reference));
        var noted = IncidentDecider.Note(escalated, new TimelineRequest("Server diisolasi", Now.AddMinutes(-30)), "csirt", Now).Next!;
        Assert.Equal("Server diisolasi", noted.Timeline[1].Note); // ordered by time

        var published = Assert.IsType<SecurityIncidentChangedIntegrationEvent>(noted.ToIntegrationEvent("kota-uji"));
        Assert.Equal(("dinkes", "kritis", "dilaporkan"), (published.Opd, published.Severity, published.Status));
    }

    [Fact]
    public void The_record_is_the_fold_of_its_events()
    {
        var reported = Reported();
        var triaged = Step(reported, "ditriase", 1).Next!;
        var folded = RecordChanges.Apply(
            RecordChanges.Apply<SecurityIncident>(null, new IncidentReported { Changes = RecordChanges.Between(null, reported) }, reported.Id, 1),
            new IncidentStepped("ditriase", null) { Changes = RecordChanges.Between(reported, triaged) }, reported.Id, 2);
        Assert.Equal(triaged.Status, folded!.Status);
        Assert.Equal(triaged.TriagedAt, folded.TriagedAt);
        Assert.Equal(triaged.Timeline, folded.Timeline);
    }
}

/// <summary>The audit engagement: stages in order, the external auditor's certificate, findings and their follow-up.</summary>
public sealed class AuditDeciderTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly string[] Both = ["keamanan-aplikasi", "keamanan-infrastruktur"];

    private static AuditRequest Internal() => new("Audit internal 2026", "internal", "Inspektorat", Today.AddDays(-60), Both, Standard: "Peraturan BSSN 8/2024");

    private static AuditEngagement Planned(AuditRequest? r = null) => AuditDecider.Plan(Guid.NewGuid(), r ?? Internal(), SecurityAudits.Options, Today).Next!;

    private static AuditEngagement Advance(AuditEngagement a, string stage, int daysAgo) => AuditDecider.Advance(a, new AuditStageRequest(stage, Today.AddDays(-daysAgo)), Today).Next!;

    [Fact]
    public void An_external_audit_names_its_certificate_and_counts_as_certified_while_it_is_valid()
    {
        var refused = Assert.IsType<Rejection.Invalid>(AuditDecider.Plan(Guid.NewGuid(), Internal() with { AuditorType = "eksternal" }, SecurityAudits.Options, Today).Rejection);
        Assert.Equivalent(new[] { "certificateNumber", "certificateValidUntil" }, refused.Errors.ToDictionary().Keys, strict: true);

        var external = Planned(Internal() with { AuditorType = "eksternal", Auditor = "LATIK Contoh", CertificateNumber = "LATIK-01", CertificateValidUntil = Today.AddYears(1) });
        Assert.True(external.CertifiedOnStart);
        Assert.False(Planned(Internal() with { AuditorType = "eksternal", CertificateNumber = "X", CertificateValidUntil = Today.AddDays(-90) }).CertifiedOnStart);
        Assert.False(Planned().CertifiedOnStart);
    }

    [Fact]
    public void A_bad_plan_names_every_field()
    {
        var refused = Assert.IsType<Rejection.Invalid>(AuditDecider.Plan(Guid.NewGuid(),
            new AuditRequest("", "teman", null, null, ["keamanan-dapur"], PlannedEnd: Today.AddYears(30)), SecurityAudits.Options, Today).Rejection);
        Assert.Equivalent(new[] { "title", "auditorType", "auditor", "plannedStart", "plannedEnd", "covers[0]" }, refused.Errors.ToDictionary().Keys, strict: true);
        var wrong = Assert.IsType<Rejection.Invalid>(AuditDecider.Plan(Guid.NewGuid(), Internal() with { Indicator = 29 }, SecurityAudits.Options, Today).Rejection);
        Assert.Equal(["indicator"], wrong.Errors.ToDictionary().Keys);
    }

    [Fact]
    public void Stages_go_in_order_and_findings_come_after_the_fieldwork()
    {
        var audit = Planned();
        Assert.Equal(AuditDecider.FindingsRule, Assert.IsType<Rejection.Conflict>(
            AuditDecider.RecordFinding(audit, new FindingRequest("Temuan", "tinggi"), Guid.NewGuid(), Today).Rejection).Rule);
        Assert.Equal(AuditDecider.OrderRule, Assert.IsType<Rejection.Conflict>(
            AuditDecider.Advance(audit, new AuditStageRequest("pelaporan"), Today).Rejection).Rule);

        var fieldwork = Advance(audit, "pelaksanaan", 30);
        var findingId = Guid.NewGuid();
        var withFinding = AuditDecider.RecordFinding(fieldwork, new FindingRequest("TLS lemah", "sedang", DueDate: Today.AddDays(30)), findingId, Today).Next!;
        var reported = Advance(withFinding, "pelaporan", 10);
        Assert.Equal(Today.AddDays(-10), reported.ReportedOn);
        Assert.IsType<Rejection.Invalid>(AuditDecider.Advance(reported, new AuditStageRequest("pemantauan-tindak-lanjut", Today.AddDays(-20)), Today).Rejection);
        var monitoring = Advance(reported, "pemantauan-tindak-lanjut", 5);
        Assert.IsType<Rejection.Conflict>(AuditDecider.Advance(monitoring, new AuditStageRequest("pemantauan-tindak-lanjut"), Today).Rejection);

        var published = Assert.IsType<AuditEngagementChangedIntegrationEvent>(monitoring.ToIntegrationEvent("kota-uji"));
        Assert.Equal((31, 1, 1), (published.Indicator, published.FindingsTotal, published.FindingsOpen));

        var noFollowUp = Assert.IsType<Rejection.Invalid>(AuditDecider.ReviseFinding(monitoring, findingId, new FindingRequest("TLS lemah", "sedang", Status: "selesai"), Today).Rejection);
        Assert.Equal(["followUp"], noFollowUp.Errors.ToDictionary().Keys);
        var done = AuditDecider.ReviseFinding(monitoring, findingId, new FindingRequest("TLS lemah", "sedang", Status: "selesai", FollowUp: "TLS 1.2+ saja"), Today).Next!;
        Assert.Equal((Findings.Done, Today), (done.Findings[0].Status, done.Findings[0].ClosedOn));
        Assert.IsType<Rejection.NotFound>(AuditDecider.ReviseFinding(done, Guid.NewGuid(), new FindingRequest("x", "rendah"), Today).Rejection);
    }

    [Fact]
    public void Withdrawal_is_final()
    {
        var withdrawn = AuditDecider.Withdraw(Planned(), new WithdrawAuditRequest("anggaran")).Next!;
        Assert.Equal(AuditDecider.WithdrawnRule, Assert.IsType<Rejection.Conflict>(AuditDecider.Revise(withdrawn, Internal(), SecurityAudits.Options, Today).Rejection).Rule);
        Assert.IsType<Rejection.Conflict>(AuditDecider.Advance(withdrawn, new AuditStageRequest("pelaksanaan"), Today).Rejection);
        Assert.IsType<Rejection.Conflict>(AuditDecider.Withdraw(withdrawn, new WithdrawAuditRequest("lagi")).Rejection);
    }
}
