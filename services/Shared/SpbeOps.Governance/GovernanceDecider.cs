namespace SpbeOps.Governance;

/// <summary>Pure rules of governance records: what a valid record of each type holds, and what may change.</summary>
public static class GovernanceDecider
{
    public static FieldErrors Validate(string recordType, GovernanceRecordRequest r, GovernanceOptions options, DateOnly today)
    {
        var errors = new FieldErrors();
        if (r.Indicator is null) errors.Add("indicator", $"wajib diisi, salah satu dari / is required, one of: {string.Join(", ", options.Indicators)}");
        else if (!options.Topics.ContainsKey(r.Indicator.Value))
            errors.Add("indicator", $"layanan ini mencatat indikator / this service records indicators {string.Join(", ", options.Indicators)}");
        // Every text of the shared shape has a limit, whichever record type uses it (Build keeps them all).
        errors.Required("title", r.Title, 300).MaxLength("description", r.Description, 4000).Url("documentUrl", r.DocumentUrl)
            .MaxLength("number", r.Number, 200).MaxLength("reviewer", r.Reviewer, 200)
            .Texts("activities", r.Activities, 1000).Texts("findings", r.Findings, 2000)
            .Opd("issuerOpd", r.IssuerOpd, required: false)
            // A policy's date of issue, a programme's start, a follow-up's due date: planned dates at most; a review
            // and the end of a validity are checked below as well.
            .PlannedDate("date", r.Date, today).PlannedDate("endDate", r.EndDate, today)
            .PlannedDate("validFrom", r.ValidFrom, today).PlannedDate("validUntil", r.ValidUntil, today);
        if (recordType != GovernanceRecordTypes.Policy) errors.Texts("covers", r.Covers, 100);

        var allOpd = r.AllOpd ?? false;
        var scope = r.ScopeOpds ?? [];
        if (!allOpd && scope.Count == 0) errors.Add("scopeOpds", "isi daftar perangkat daerah atau allOpd=true / list the perangkat daerah covered, or set allOpd=true");
        if (!errors.Count("scopeOpds", scope))
            for (var i = 0; i < scope.Count; i++) errors.Opd($"scopeOpds[{i}]", scope[i]);

        switch (recordType)
        {
            case GovernanceRecordTypes.Policy:
                errors.OneOf("kind", r.Kind, GovernanceVocabulary.PolicyKinds)
                    .Required("number", r.Number, 200)
                    .OneOf("issuer", r.Issuer, GovernanceVocabulary.Issuers);
                if (r.Date is null) errors.Add("date", "tanggal penetapan wajib diisi / the date of issue is required");
                if (r.Issuer == "kepala-perangkat-daerah" && r.IssuerOpd is null)
                    errors.Add("issuerOpd", "wajib diisi bila penerbit kepala perangkat daerah / required when the issuer is the head of a perangkat daerah");
                var from = r.ValidFrom ?? r.Date;
                if (from is not null && r.ValidUntil is not null && r.ValidUntil < from)
                    errors.Add("validUntil", "tidak boleh sebelum mulai berlaku / must not be before validFrom");
                if (r.Indicator is { } n && options.Topics.TryGetValue(n, out var topics) && topics.Count > 0)
                {
                    var covers = r.Covers ?? [];
                    if (!errors.Count("covers", covers))
                        for (var i = 0; i < covers.Count; i++)
                            if (covers[i] is null || !topics.Contains(covers[i]))
                                errors.Add($"covers[{i}]", $"{FieldErrors.Echo(covers[i] ?? "null")} bukan cakupan indikator {n}; gunakan / is not a topic of indicator {n}; use: {string.Join(", ", topics)}");
                }
                else
                {
                    errors.Texts("covers", r.Covers, 100);
                }
                break;
            case GovernanceRecordTypes.Programme:
                if (r.Date is null) errors.Add("date", "tanggal mulai program wajib diisi / the programme's start date is required");
                if (r.EndDate is null) errors.Add("endDate", "tanggal akhir program wajib diisi / the programme's end date is required");
                else if (r.Date is not null && r.EndDate < r.Date) errors.Add("endDate", "tidak boleh sebelum tanggal mulai / must not be before date");
                if ((r.Activities ?? []).Count == 0) errors.Add("activities", "sebutkan minimal satu kegiatan / name at least one activity");
                break;
            case GovernanceRecordTypes.Review:
                if (r.Date is null) errors.Add("date", "tanggal reviu wajib diisi / the date of the review is required");
                else if (r.Date > today.AddDays(1) && r.Date <= today.AddYears(FieldErrors.PlanningHorizonYears))
                    errors.Add("date", "reviu belum terjadi / a review cannot be dated in the future");
                errors.Required("reviewer", r.Reviewer, 200);
                if ((r.Findings ?? []).Count == 0) errors.Add("findings", "catat minimal satu temuan / record at least one finding");
                break;
            case GovernanceRecordTypes.FollowUp:
                if (r.ReviewId is null) errors.Add("reviewId", "tindak lanjut harus merujuk reviu / a follow-up must name the review it follows up");
                if (r.Date is null) errors.Add("date", "tanggal target wajib diisi / the due date is required");
                errors.OneOf("status", r.Status, GovernanceVocabulary.FollowUpStatuses, required: false);
                if (r.Status == GovernanceVocabulary.FollowUpDone)
                    errors.Add("status", "gunakan POST .../completion untuk menyelesaikan / complete a follow-up with POST .../completion");
                break;
        }
        return errors;
    }

    public static Decision<GovernanceRecord> Create(Guid id, string recordType, GovernanceRecordRequest r, GovernanceOptions options, DateOnly today)
    {
        var errors = Validate(recordType, r, options, today);
        if (errors.Any) return errors;
        return Decision.Accept(Build(id, recordType, r, null), new GovernanceRecordCreated());
    }

    public static Decision<GovernanceRecord> Revise(GovernanceRecord current, GovernanceRecordRequest r, GovernanceOptions options, DateOnly today)
    {
        if (current.Withdrawn) return new Rejection.Conflict("Catatan sudah dicabut / The record was withdrawn and cannot be revised.", "withdrawn-is-final");
        var errors = Validate(current.RecordType, r, options, today);
        if (r.Indicator is not null && r.Indicator != current.Indicator)
            errors.Add("indicator", "indikator sebuah catatan tidak dapat diubah / the indicator of a record cannot change");
        if (errors.Any) return errors;
        return Decision.Accept(Build(current.Id, current.RecordType, r, current), new GovernanceRecordRevised());
    }

    /// <summary>The content of a record as the request states it; a revision keeps what only completion sets.</summary>
    public static GovernanceRecord Build(Guid id, string recordType, GovernanceRecordRequest r, GovernanceRecord? previous) => new()
    {
        Id = id,
        Indicator = r.Indicator!.Value,
        RecordType = recordType,
        Title = r.Title!.Trim(),
        Description = r.Description,
        PolicyKind = recordType == GovernanceRecordTypes.Policy ? r.Kind : null,
        Number = r.Number,
        Issuer = recordType == GovernanceRecordTypes.Policy ? r.Issuer : null,
        IssuerOpd = r.IssuerOpd,
        ValidFrom = recordType == GovernanceRecordTypes.Policy ? r.ValidFrom ?? r.Date : null,
        ValidUntil = r.ValidUntil,
        Covers = [.. (r.Covers ?? []).Distinct()],
        AllOpd = r.AllOpd ?? false,
        ScopeOpds = r.AllOpd == true ? [] : [.. (r.ScopeOpds ?? []).Distinct()],
        Date = r.Date,
        EndDate = r.EndDate,
        Activities = [.. r.Activities ?? []],
        Findings = [.. r.Findings ?? []],
        Reviewer = r.Reviewer,
        ReviewId = recordType == GovernanceRecordTypes.FollowUp ? r.ReviewId : null,
        Status = recordType == GovernanceRecordTypes.FollowUp ? r.Status ?? previous?.Status ?? GovernanceVocabulary.FollowUpPlanned : null,
        CompletedOn = previous?.CompletedOn,
        Outcome = previous?.Outcome,
        DocumentUrl = r.DocumentUrl,
        Version = previous?.Version ?? 0,
    };

    public static Decision<GovernanceRecord> Complete(GovernanceRecord followUp, FollowUpCompletionRequest r, DateOnly today)
    {
        if (followUp.Withdrawn) return new Rejection.Conflict("Tindak lanjut sudah dicabut / The follow-up was withdrawn.", "withdrawn-is-final");
        if (followUp.Status == GovernanceVocabulary.FollowUpDone)
            return new Rejection.Conflict("Tindak lanjut sudah selesai / The follow-up is already complete.", "complete-once");
        var errors = new FieldErrors().Required("outcome", r.Outcome, 4000);
        if (r.CompletedOn is null) errors.Add("completedOn", "wajib diisi / is required");
        else errors.Date("completedOn", r.CompletedOn, today.AddDays(1), today);
        if (errors.Any) return errors;

        var done = followUp.Copy();
        done.Status = GovernanceVocabulary.FollowUpDone;
        done.CompletedOn = r.CompletedOn;
        done.Outcome = r.Outcome;
        return Decision.Accept(done, new FollowUpCompleted(r.CompletedOn!.Value, r.Outcome!));
    }

    public static Decision<GovernanceRecord> Withdraw(GovernanceRecord record, WithdrawRequest r)
    {
        if (record.Withdrawn) return new Rejection.Conflict("Catatan sudah dicabut / The record is already withdrawn.", "withdrawn-is-final");
        var errors = new FieldErrors().Required("reason", r.Reason, 1000);
        if (errors.Any) return errors;

        var withdrawn = record.Copy();
        withdrawn.Withdrawn = true;
        withdrawn.WithdrawnReason = r.Reason;
        return Decision.Accept(withdrawn, new GovernanceRecordWithdrawn(r.Reason!));
    }
}
