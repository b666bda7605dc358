using SpbeOps.Competency.Api.Staff;
using SpbeOps.Competency.Api.Workbooks;

namespace SpbeOps.Competency.Api.Development;

/// <summary>
/// The BKPSDMD's certification sheet: one row per certificate, the holder named by NIP (the staff must be registered).
/// All rows or none; errors by row and column.
/// </summary>
public static class CertificationImport
{
    public static readonly Workbook Sheet = new("Sertifikasi SPBE",
    [
        ("NIP", "nip"), ("Penerbit", "issuer"), ("Nomor Sertifikat", "number"), ("Bidang", "area"), ("Tingkat", "proficiency"),
        ("Berlaku Sejak", "validFrom"), ("Berlaku Sampai", "validUntil"),
    ]);

    public static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        HttpContext http, RecordWriter records, CancellationToken ct)
    {
        if (!records.Caller.WritesEveryOpd && !records.Caller.IsOpdOperator)
            return Problem.Forbidden("Peran Anda tidak boleh mengimpor sertifikasi / Your role may not import certifications.");
        var (rows, problem) = await Sheet.ReadUploadAsync(http.Request, ct, ImportResult.MaxRows);
        if (problem is not null) return problem;

        var nips = rows!.Select(r => r["nip"]).OfType<string>().Distinct().ToArray();
        var staff = (await records.Session.Query<StaffMember>().Where(s => nips.Contains(s.Nip) && !s.Withdrawn).ToListAsync(ct))
            .Where(s => records.Caller.CanRead(s.Opd)).ToDictionary(s => s.Nip);
        var outcome = Decide(rows!, staff, records.Caller, records.Today);
        if (outcome.Errors.Any) return outcome.Errors.ToProblem();
        if (await records.SaveManyAsync(outcome.Changes, ct) is { } conflict) return conflict;
        return TypedResults.Ok(new ImportResult(outcome.Changes.Count, [.. outcome.Changes.Select(c => c.Decision.Next!.Id)]));
    }

    public sealed record Outcome(IReadOnlyList<(Certification? Current, Decision<Certification> Decision)> Changes, FieldErrors Errors);

    /// <summary>Each row decided as if posted on its own; any error refuses the file.</summary>
    public static Outcome Decide(IReadOnlyList<Workbook.Row> rows, IReadOnlyDictionary<string, StaffMember> staffByNip, Caller caller, DateOnly today)
    {
        var errors = new FieldErrors();
        var changes = new List<(Certification?, Decision<Certification>)>();
        foreach (var row in rows)
        {
            var cells = new FieldErrors();
            StaffMember? holder = null;
            if (row["nip"] is not { } nip) errors.Add(Sheet.Where(row, "nip"), "wajib diisi / is required");
            else if (!staffByNip.TryGetValue(nip, out holder))
                errors.Add(Sheet.Where(row, "nip"), "pegawai dengan NIP ini tidak terdaftar; daftarkan dulu / no registered staff member has this NIP");
            var request = new CertificationRequest(holder?.Id ?? Guid.Empty, row["issuer"], row["number"], row["area"],
                Sheet.NumberOf(row, "proficiency", cells), Sheet.DateOf(row, "validFrom", cells), Sheet.DateOf(row, "validUntil", cells));
            var decision = CertificationDecider.Record(Guid.CreateVersion7(), holder?.Opd ?? "", request, today);
            if (decision.Rejection is Rejection.Invalid invalid)
            {
                var own = new FieldErrors();
                foreach (var (field, reasons) in invalid.Errors.ToDictionary().Where(e => e.Key != "staffId"))
                    foreach (var reason in reasons) own.Add(field, reason);
                Sheet.AddRowErrors(row, own, errors);
            }
            else if (holder is not null && !caller.CanWrite(holder.Opd))
                errors.Add(Sheet.Where(row, "nip"), $"Anda tidak berwenang atas pegawai perangkat daerah '{holder.Opd}' / you may not change staff of '{holder.Opd}'");
            foreach (var (field, reasons) in cells.ToDictionary()) foreach (var reason in reasons) errors.Add(field, reason);
            if (decision.Next is not null) changes.Add((null, decision));
        }
        return new Outcome(changes, errors);
    }
}
