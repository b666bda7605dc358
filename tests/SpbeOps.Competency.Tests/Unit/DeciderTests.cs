using SpbeOps.Competency.Api;
using SpbeOps.Competency.Api.Development;
using SpbeOps.Competency.Api.Plans;
using SpbeOps.Competency.Api.Requirements;
using SpbeOps.Competency.Api.Staff;
using SpbeOps.Contracts.Competency;

namespace SpbeOps.Competency.Tests.Unit;

/// <summary>Every decider of the service, without I/O: the next state and its event, or the rejection.</summary>
public sealed class DeciderTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);
    private static readonly StaffRequest Budi = new("dinkes", "198501012010011001", " Budi ", "Pranata Komputer", null, Today.AddYears(-2));

    private static IReadOnlyCollection<string> Fields<T>(Decision<T> d) where T : class, IRecord<T> =>
        Assert.IsType<Rejection.Invalid>(d.Rejection).Errors.ToDictionary().Keys.ToList();

    [Fact]
    public void Staff_is_registered_trimmed_and_bad_fields_are_named()
    {
        var d = StaffDecider.Register(Guid.NewGuid(), Budi, Today);
        Assert.Equal("Budi", d.Next!.Name);
        Assert.IsType<StaffRegistered>(d.Change);
        Assert.Equivalent(new[] { "opd", "nip", "name", "jabatan", "activeFrom" },
            Fields(StaffDecider.Register(Guid.NewGuid(), new StaffRequest("Dinas Kesehatan", "123", " ", null, null, null), Today)), strict: true);
        Assert.Equal(["activeUntil"], Fields(StaffDecider.Register(Guid.NewGuid(), Budi with { ActiveUntil = Today.AddYears(-3) }, Today)));
        Assert.Equal(["activeFrom"], Fields(StaffDecider.Register(Guid.NewGuid(), Budi with { ActiveFrom = Today.AddDays(5) }, Today)));
    }

    [Fact]
    public void Staff_update_changes_only_what_differs_and_withdrawal_is_final()
    {
        var current = StaffDecider.Register(Guid.NewGuid(), Budi, Today).Next!;
        var next = StaffDecider.Update(current, Budi with { Jabatan = "Analis Sistem" }, Today).Next!;
        Assert.Equal("Pranata Komputer", current.Jabatan);
        Assert.Equal(["jabatan"], RecordChanges.Between(current, next).Keys);

        Assert.IsType<Rejection.Invalid>(StaffDecider.Withdraw(current, new WithdrawalRequest(" ")).Rejection);
        var withdrawn = StaffDecider.Withdraw(current, new WithdrawalRequest("pensiun")).Next!;
        Assert.False(withdrawn.ActiveOn(Today));
        Assert.Equal(CompetencyVocabulary.FinalRule, Assert.IsType<Rejection.Conflict>(StaffDecider.Update(withdrawn, Budi, Today).Rejection).Rule);
        Assert.IsType<Rejection.Conflict>(StaffDecider.Withdraw(withdrawn, new WithdrawalRequest("lagi")).Rejection);
    }

    [Fact]
    public void The_published_staff_event_carries_no_name_or_nip_and_the_record_is_the_fold_of_its_events()
    {
        var created = StaffDecider.Register(Guid.NewGuid(), Budi, Today).Next!;
        var withdrawn = StaffDecider.Withdraw(created, new WithdrawalRequest("mutasi")).Next!;
        var folded = RecordChanges.Apply(
            RecordChanges.Apply<StaffMember>(null, new StaffRegistered { Changes = RecordChanges.Between(null, created) }, created.Id, 1),
            new StaffWithdrawn("mutasi") { Changes = RecordChanges.Between(created, withdrawn) }, created.Id, 2);
        Assert.Equal(withdrawn with { Version = 2 }, folded);

        var published = Assert.IsType<StaffChangedIntegrationEvent>(folded.ToIntegrationEvent("kota-contoh"));
        var json = JsonSerializer.Serialize(published);
        Assert.DoesNotContain("Budi", json);
        Assert.DoesNotContain(Budi.Nip!, json);
        Assert.True(published.Withdrawn);
    }

    [Fact]
    public void A_requirement_names_known_areas_with_proficiency_1_to_4()
    {
        var ok = RequirementDecider.Set(Guid.NewGuid(), new RequirementRequest("Pranata Komputer", new Dictionary<string, int?> { ["keamanan-spbe"] = 3 }));
        Assert.Equal(3, ok.Next!.Levels["keamanan-spbe"]);
        Assert.Equivalent(new[] { "jabatan", "levels.astronomi", "levels.aplikasi-spbe" },
            Fields(RequirementDecider.Set(Guid.NewGuid(), new RequirementRequest(null, new Dictionary<string, int?> { ["astronomi"] = 1, ["aplikasi-spbe"] = 5 }))), strict: true);
        Assert.Equal(["levels"], Fields(RequirementDecider.Set(Guid.NewGuid(), new RequirementRequest("X", new Dictionary<string, int?>()))));
    }

    [Fact]
    public void An_hr_plan_needs_each_area_once_and_keeps_its_opd_and_year()
    {
        var request = new HrPlanRequest("dinkes", 2026, [new NeedRequest("keamanan-spbe", 2, 3), new NeedRequest("proses-bisnis", 1, 2)]);
        var plan = HrPlanDecider.Set(Guid.NewGuid(), request, Today).Next!;
        Assert.Equal(["proses-bisnis", "keamanan-spbe"], plan.Needs.Select(n => n.Area)); // in P59 order
        Assert.Equivalent(new[] { "needs[1].area", "needs[0].headcount", "needs[0].proficiency", "year" },
            Fields(HrPlanDecider.Set(Guid.NewGuid(), new HrPlanRequest("dinkes", 2010, [new NeedRequest("keamanan-spbe", 0, 9), new NeedRequest("keamanan-spbe", 1, 1)]), Today)), strict: true);
        Assert.Equal(["year"], Fields(HrPlanDecider.Revise(plan, request with { Year = 2027 }, Today)));
        Assert.Equal(["needs"], Fields(HrPlanDecider.Set(Guid.NewGuid(), request with { Needs = [] }, Today)));
    }

    [Fact]
    public void A_certification_is_valid_through_its_last_day_and_a_renewal_keeps_the_holder()
    {
        var staff = Guid.NewGuid();
        var request = new CertificationRequest(staff, "BSSN", "123", "keamanan-spbe", 3, Today.AddYears(-1), Today.AddDays(10));
        var cert = CertificationDecider.Record(Guid.NewGuid(), "dinkes", request, Today).Next!;
        Assert.True(cert.ValidOn(Today.AddDays(10)));
        Assert.False(cert.ValidOn(Today.AddDays(11)));
        Assert.False(cert.ValidOn(Today.AddYears(-2)));

        var renewed = CertificationDecider.Update(cert, request with { ValidUntil = Today.AddYears(3) }, Today).Next!;
        Assert.Equal(["validUntil"], RecordChanges.Between(cert, renewed).Keys);
        Assert.Equal(["staffId"], Fields(CertificationDecider.Update(cert, request with { StaffId = Guid.NewGuid() }, Today)));
        Assert.Equal(["validUntil"], Fields(CertificationDecider.Record(Guid.NewGuid(), "dinkes", request with { ValidUntil = Today.AddYears(-2) }, Today)));

        var published = Assert.IsType<CompetencyEvidenceChangedIntegrationEvent>(cert.ToIntegrationEvent("kota-contoh"));
        Assert.Equal(("sertifikasi", Today.AddDays(10), 3), (published.Kind, published.ValidUntil, published.Levels["keamanan-spbe"]));

        var withdrawn = CertificationDecider.Withdraw(cert, new WithdrawalRequest("palsu")).Next!;
        Assert.False(withdrawn.ValidOn(Today));
        Assert.IsType<Rejection.Conflict>(CertificationDecider.Update(withdrawn, request, Today).Rejection);
    }

    [Fact]
    public void Trainings_and_assessments_are_validated_and_withdrawn_once()
    {
        var staff = Guid.NewGuid();
        var training = TrainingDecider.Record(Guid.NewGuid(), "dinkes", new TrainingRequest(staff, "Bimtek Keamanan", "keamanan-spbe", 32, "BSSN", Today), Today);
        Assert.Equal(32, training.Next!.Hours);
        Assert.Equivalent(new[] { "staffId", "title", "area", "hours", "provider", "completedOn" },
            Fields(TrainingDecider.Record(Guid.NewGuid(), "dinkes", new TrainingRequest(null, "", "x", 0, null, Today.AddDays(3)), Today)), strict: true);
        var t2 = TrainingDecider.Withdraw(training.Next!, new WithdrawalRequest("salah")).Next!;
        Assert.IsType<Rejection.Conflict>(TrainingDecider.Withdraw(t2, new WithdrawalRequest("lagi")).Rejection);

        var assessment = AssessmentDecider.Record(Guid.NewGuid(), "dinkes",
            new AssessmentRequest(staff, Today, "LSP Komputer", new Dictionary<string, int?> { ["data-informasi"] = 2 }), Today);
        Assert.Equal(2, assessment.Next!.Levels["data-informasi"]);
        Assert.Equivalent(new[] { "staffId", "assessedOn", "assessor", "levels.data-informasi" },
            Fields(AssessmentDecider.Record(Guid.NewGuid(), "dinkes", new AssessmentRequest(null, null, " ", new Dictionary<string, int?> { ["data-informasi"] = null }), Today)), strict: true);
        var a2 = AssessmentDecider.Withdraw(assessment.Next!, new WithdrawalRequest("salah")).Next!;
        Assert.IsType<Rejection.Conflict>(AssessmentDecider.Withdraw(a2, new WithdrawalRequest("lagi")).Rejection);
    }
}
