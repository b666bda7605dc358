namespace SpbeOps.Security.Api.Assessments;

/// <summary>The rules of a vulnerability assessment, free of I/O (decision 13).</summary>
public static class AssessmentDecider
{
    public static readonly string[] Kinds = ["penilaian-kerentanan", "uji-penetrasi"];
    public const string WithdrawnRule = "withdrawn-is-final";

    public static Decision<VulnerabilityAssessment> Record(Guid id, AssessmentRequest r, DateOnly today) =>
        Validate(r, today) is { Any: true } errors ? errors : Decision.Accept(Fill(new VulnerabilityAssessment { Id = id, Opd = r.Opd! }, r), new AssessmentRecorded());

    public static Decision<VulnerabilityAssessment> Revise(VulnerabilityAssessment current, AssessmentRequest r, DateOnly today)
    {
        var errors = Validate(r, today).When(r.Opd != current.Opd, "opd", "tidak dapat diubah / cannot change");
        if (errors.Any) return errors;
        return current.Withdrawn ? WithdrawnIsFinal() : Decision.Accept(Fill(current, r), new AssessmentRevised());
    }

    public static Decision<VulnerabilityAssessment> RecordFinding(VulnerabilityAssessment current, FindingRequest r, Guid id, DateOnly today)
    {
        var (findings, errors) = Findings.Add(current.Findings, r, id, today);
        if (errors.Any) return errors;
        return current.Withdrawn ? WithdrawnIsFinal() : Decision.Accept(WithFindings(current, findings!), new AssessmentFindingRecorded(id));
    }

    public static Decision<VulnerabilityAssessment> ReviseFinding(VulnerabilityAssessment current, Guid findingId, FindingRequest r, DateOnly today)
    {
        if (Findings.Revise(current.Findings, findingId, r, today) is not var (findings, errors)) return new Rejection.NotFound("Temuan / Finding", findingId);
        if (errors.Any) return errors;
        if (current.Withdrawn) return WithdrawnIsFinal();
        return Decision.Accept(WithFindings(current, findings!), new AssessmentFindingRevised(findingId, findings!.Single(f => f.Id == findingId).Status));
    }

    public static Decision<VulnerabilityAssessment> Withdraw(VulnerabilityAssessment current, WithdrawAssessmentRequest r)
    {
        if (new FieldErrors().Required("reason", r.Reason, 1000) is { Any: true } errors) return errors;
        if (current.Withdrawn) return WithdrawnIsFinal();
        var reason = r.Reason!.Trim();
        return Decision.Accept(current with { Withdrawn = true, WithdrawnReason = reason, NextDueDate = null }, new AssessmentWithdrawn(reason));
    }

    public static FieldErrors Validate(AssessmentRequest r, DateOnly today)
    {
        var errors = new FieldErrors()
            .Opd("opd", r.Opd)
            .OneOf("kind", r.Kind, Kinds)
            .Required("title", r.Title, 300)
            .When(r.ConductedOn is null, "conductedOn", "wajib diisi / is required")
            .PastDate("conductedOn", r.ConductedOn, today)
            .Required("assessor", r.Assessor, 200)
            .MaxLength("method", r.Method, 1000);
        errors.Count("targetAssetIds", r.TargetAssetIds);
        return errors;
    }

    private static VulnerabilityAssessment Fill(VulnerabilityAssessment a, AssessmentRequest r) => a with
    {
        Kind = r.Kind!, Title = r.Title!.Trim(), ConductedOn = r.ConductedOn!.Value, Assessor = r.Assessor!.Trim(), Method = r.Method,
        TargetAssetIds = [.. (r.TargetAssetIds ?? []).Distinct()],
    };

    private static VulnerabilityAssessment WithFindings(VulnerabilityAssessment a, List<Finding> findings) => a with
    {
        Findings = findings, NextDueDate = findings.Where(f => f.Open && f.DueDate is not null).Min(f => f.DueDate),
    };

    private static Rejection WithdrawnIsFinal() =>
        new Rejection.Conflict("Penilaian sudah dicabut / The assessment was withdrawn and cannot change.", WithdrawnRule);
}
