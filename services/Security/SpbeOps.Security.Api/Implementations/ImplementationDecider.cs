namespace SpbeOps.Security.Api.Implementations;

/// <summary>The rules of a control implementation, free of I/O (decision 13).</summary>
public static class ImplementationDecider
{
    public const string NotImplemented = "belum";
    public const string Partly = "sebagian";
    public const string Fully = "penuh";
    public static readonly string[] Statuses = [NotImplemented, Partly, Fully];
    public static readonly string[] TestResults = ["efektif", "kurang-efektif", "tidak-efektif"];
    public const string RetiredControlRule = "control-retired";

    public static Decision<ControlImplementation> Record(Guid id, ImplementationRequest r, SecurityControl control, DateOnly today, string source = "api")
    {
        if (Validate(r, today) is { Any: true } errors) return errors;
        if (control.Retired)
            return new Rejection.BreaksRule($"Kendali {control.Code} sudah dipensiunkan / Control {control.Code} was retired.", RetiredControlRule, "controlId");
        return Decision.Accept(Fill(new ControlImplementation { Id = id, Opd = r.Opd!, ControlId = control.Id, ControlCode = control.Code, Area = control.Area }, r),
            new ImplementationRecorded(source));
    }

    public static Decision<ControlImplementation> Revise(ControlImplementation current, ImplementationRequest r, DateOnly today, string source = "api")
    {
        var errors = Validate(r, today)
            .When(r.Opd is not null && r.Opd != current.Opd, "opd", "tidak dapat diubah / cannot change")
            .When(r.ControlId is not null && r.ControlId != current.ControlId, "controlId", "tidak dapat diubah / cannot change")
            .When(r.ControlCode is not null && !string.Equals(r.ControlCode, current.ControlCode, StringComparison.OrdinalIgnoreCase), "controlCode",
                "tidak dapat diubah / cannot change");
        return errors.Any ? errors : Decision.Accept(Fill(current, r), new ImplementationRevised(source));
    }

    public static FieldErrors Validate(ImplementationRequest r, DateOnly today)
    {
        var errors = new FieldErrors()
            .Opd("opd", r.Opd)
            .When((r.ControlId is null || r.ControlId == Guid.Empty) && string.IsNullOrWhiteSpace(r.ControlCode), "controlId",
                "wajib diisi (atau controlCode) / is required (or controlCode)")
            .MaxLength("controlCode", r.ControlCode, 32)
            .OneOf("status", r.Status, Statuses)
            .MaxLength("evidence", r.Evidence, 4000)
            .MaxLength("owner", r.Owner, 200)
            .PastDate("lastTestedOn", r.LastTestedOn, today)
            .OneOf("lastTestResult", r.LastTestResult, TestResults, required: false);
        errors.Count("riskIds", r.RiskIds);
        return errors
            .When(r.LastTestedOn is null != r.LastTestResult is null, r.LastTestedOn is null ? "lastTestedOn" : "lastTestResult",
                "tanggal dan hasil uji efektivitas diisi bersama / the test date and result go together")
            .When(r.RiskIds?.Contains(Guid.Empty) == true, "riskIds", "tidak boleh berisi id kosong / must not hold an empty id");
    }

    private static ControlImplementation Fill(ControlImplementation c, ImplementationRequest r) => c with
    {
        Status = r.Status!, RiskIds = [.. (r.RiskIds ?? []).Distinct()], Evidence = r.Evidence, Owner = r.Owner?.Trim(),
        LastTestedOn = r.LastTestedOn, LastTestResult = r.LastTestResult,
    };
}
