namespace SpbeOps.Risk.Api.Approval;

/// <summary>A record that moves Pengelola → Koordinator → Pemilik Risiko: a context, a risk, a monitoring report.</summary>
public interface IApprovable : IOpdRecord
{
    string ApprovalStatus { get; set; }
    List<ApprovalStep> ApprovalLog { get; set; }
}

/// <summary>An approvable record type: how it records a step, and what it demands before a step.</summary>
public interface IApprovable<TSelf> : IApprovable, IRecord<TSelf> where TSelf : class, IApprovable<TSelf>
{
    TSelf Copy();

    /// <summary>Why this record cannot take <paramref name="action"/> now (e.g. an incomplete record cannot be submitted), or null.</summary>
    Rejection? RefusesStep(string action);

    static abstract ApprovalRecorded<TSelf> Recorded(ApprovalStep step);
}

/// <summary>One step of a record's approval: the event every approvable record's stream uses (one subtype per record).</summary>
public abstract record ApprovalRecorded<T>(ApprovalStep Step) : RecordEvent<T> where T : class, IRecord<T>
{
    public override HistoryLine Describe() => new($"{Step.Action}: {Step.From} → {Step.To} ({ApprovalFlow.RoleName(Step.Role)})", Step.Comment);
}

/// <summary>One step of the approval of a record, with the role it was taken in and the comment.</summary>
public sealed record ApprovalStep(string Action, string From, string To, string Role, string Actor, DateTimeOffset At, string? Comment);

public sealed record ApprovalRequest(string? Action, string? Comment);

/// <summary>The roles of the UPR SPBE structure (Formulir 2.3).</summary>
public static class UprRoles
{
    public const string Pengelola = "pengelola";
    public const string Koordinator = "koordinator";
    public const string Pemilik = "pemilik";
}

/// <summary>Who is acting, reduced to what the approval rules need (pure data, testable without HTTP).</summary>
public sealed record ApprovalActor(string Subject, bool IsAdmin, bool IsOperator, string? Opd)
{
    public static ApprovalActor From(Caller caller) => new(caller.Subject, caller.IsAdmin, caller.IsOpdOperator, caller.Opd);
}

/// <summary>
/// The approval flow of PermenPANRB 5/2020: the Pengelola Risiko submits (<c>ajukan</c>), the Koordinator Risiko
/// verifies (<c>verifikasi</c>), the Pemilik Risiko approves (<c>setujui</c>); the Koordinator or the Pemilik may
/// return it with a reason (<c>kembalikan</c>). A returned record is revised and submitted again. Editing an approved
/// record makes it a draft again: the new version needs its own approval. Pure rules, no I/O.
/// </summary>
public static class ApprovalFlow
{
    public const string Draft = "draft";
    public const string Submitted = "diajukan";
    public const string Verified = "diverifikasi";
    public const string Approved = "disetujui";
    public const string Returned = "dikembalikan";
    public static readonly string[] Statuses = [Draft, Submitted, Verified, Approved, Returned];

    public const string Submit = "ajukan";
    public const string Verify = "verifikasi";
    public const string Approve = "setujui";
    public const string Return = "kembalikan";
    public static readonly string[] Actions = [Submit, Verify, Approve, Return];

    /// <summary>While a record is under review its content is frozen.</summary>
    public static bool IsEditable(string status) => status is Draft or Returned or Approved;

    public static Rejection LockedInReview(string status) => new Rejection.Conflict(
        $"Sedang dalam persetujuan (status '{status}'): tunggu diverifikasi/disetujui atau dikembalikan / Under review (status '{status}'): it cannot change until it is approved or returned.",
        "locked-in-review");

    /// <summary>The status after an edit: an approved or returned record becomes a draft again.</summary>
    public static string AfterEdit(string status) => status == Returned ? Returned : Draft;

    /// <summary>Where an approval step takes a record, and in which UPR role.</summary>
    public sealed record Moved(string To, string Role);

    /// <summary>Where <paramref name="action"/> takes a record in <paramref name="status"/> and in which UPR role; null when out of order.</summary>
    public static Moved? Next(string status, string action) => (action, status) switch
    {
        (Submit, Draft or Returned) => new Moved(Submitted, UprRoles.Pengelola),
        (Verify, Submitted) => new Moved(Verified, UprRoles.Koordinator),
        (Approve, Verified) => new Moved(Approved, UprRoles.Pemilik),
        (Return, Submitted) => new Moved(Returned, UprRoles.Koordinator),
        (Return, Verified) => new Moved(Returned, UprRoles.Pemilik),
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="actor"/> holds <paramref name="role"/> for the UPR <paramref name="opd"/>:
    /// <list type="bullet">
    /// <item>Diskominfo (diskominfo-admin) acts in every role for every OPD: it stands in for the Pemilik when the
    /// head of the OPD has no account.</item>
    /// <item>Otherwise only an opd-operator of that OPD. When the context's structure (Formulir 2.3) names accounts
    /// (<c>userId</c> = the token's <c>sub</c>) for the role, only those accounts act in it.</item>
    /// <item>With no account named, an opd-operator of the OPD is Pengelola and Koordinator, never Pemilik: approval
    /// then needs Diskominfo, or the OPD names its Pemilik's account in the structure.</item>
    /// <item>Auditors and other roles never act.</item>
    /// </list>
    /// </summary>
    public static bool Holds(ApprovalActor actor, string role, string opd, RiskStructure? structure)
    {
        if (actor.IsAdmin) return true;
        if (!actor.IsOperator || !string.Equals(actor.Opd, opd, StringComparison.OrdinalIgnoreCase)) return false;
        var named = Named(role, structure);
        if (named.Count > 0) return named.Contains(actor.Subject, StringComparer.OrdinalIgnoreCase);
        return role != UprRoles.Pemilik;
    }

    private static List<string> Named(string role, RiskStructure? s)
    {
        var holders = role switch
        {
            UprRoles.Pemilik => new[] { s?.Pemilik },
            UprRoles.Koordinator => new[] { s?.Koordinator },
            _ => (s?.Pengelola ?? []).Select(h => (RoleHolder?)h).ToArray(),
        };
        return holders.Select(h => h?.UserId).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!).ToList();
    }

    /// <summary>Applies a validated move to a record (the caller copies the record first).</summary>
    public static ApprovalStep Apply(IApprovable record, string action, Moved moved, string actor, DateTimeOffset at, string? comment)
    {
        var step = new ApprovalStep(action, record.ApprovalStatus, moved.To, moved.Role, actor, at, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        record.ApprovalStatus = moved.To;
        record.ApprovalLog = [.. record.ApprovalLog, step];
        return step;
    }

    public static string RoleName(string role) => role switch
    {
        UprRoles.Pemilik => "Pemilik Risiko",
        UprRoles.Koordinator => "Koordinator Risiko",
        _ => "Pengelola Risiko",
    };

    /// <summary>
    /// One approval step of any approvable record: the action and comment (a return needs its reason), the order of
    /// the flow, the actor's UPR role (from the context's structure), and what the record demands before the step.
    /// </summary>
    public static Decision<T> Decide<T>(T current, ApprovalRequest r, ApprovalActor actor, string actorName, RiskStructure? structure, DateTimeOffset now)
        where T : class, IApprovable<T>
    {
        var errors = new FieldErrors().OneOf("action", r.Action, Actions).MaxLength("comment", r.Comment, 2000);
        if (r.Action == Return && string.IsNullOrWhiteSpace(r.Comment))
            errors.Add("comment", "alasan pengembalian wajib diisi / a returned record needs the reason");
        if (errors.Any) return errors;

        if (Next(current.ApprovalStatus, r.Action!) is not Moved moved)
            return new Rejection.Conflict(OutOfOrderText(current.ApprovalStatus, r.Action!), "approval-order", "action");
        if (!Holds(actor, moved.Role, current.Opd, structure))
            return new Rejection.Forbidden(
                $"Langkah '{r.Action}' dilakukan oleh {RoleName(moved.Role)} UPR '{current.Opd}', dan Anda bukan pemegang peran itu / Step '{r.Action}' is taken by the {RoleName(moved.Role)} of UPR '{current.Opd}', a role you do not hold.");
        if (current.RefusesStep(r.Action!) is { } refused) return refused;

        var next = current.Copy();
        return Decision.Accept(next, T.Recorded(Apply(next, r.Action!, moved, actorName, now, r.Comment)));
    }

    private static string OutOfOrderText(string status, string action)
    {
        var allowed = status switch
        {
            Draft or Returned => Submit,
            Submitted => $"{Verify}, {Return}",
            Verified => $"{Approve}, {Return}",
            _ => null,
        };
        return allowed is null
            ? $"Catatan berstatus '{status}': ubah dahulu untuk membuat versi baru / The record is '{status}': edit it to start a new version before '{action}'."
            : $"Dari status '{status}' hanya boleh: {allowed} (bukan '{action}') / From '{status}' the next step is {allowed}, not '{action}'.";
    }
}
