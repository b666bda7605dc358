namespace SpbeOps.Audits;

/// <summary>A finding of an audit or an assessment and how far its follow-up got.</summary>
public sealed record Finding(
    Guid Id,
    string Title,
    string Severity,
    string? Recommendation,
    DateOnly? DueDate,
    string Status,
    string? FollowUp,
    DateOnly? ClosedOn)
{
    public bool Open => Status != Findings.Done;

    public bool Late(DateOnly today) => Open && DueDate < today;
}

/// <summary>Create or revise a finding.</summary>
public sealed record FindingRequest(string? Title, string? Severity, string? Recommendation = null, DateOnly? DueDate = null,
    string? Status = null, string? FollowUp = null, DateOnly? ClosedOn = null);

/// <summary>The rules of findings, free of I/O: shared by every record that keeps them.</summary>
public static class Findings
{
    public static readonly string[] Severities = ["rendah", "sedang", "tinggi", "kritis"];

    public const string Opened = "terbuka";
    public const string InProgress = "ditindaklanjuti";
    public const string Done = "selesai";
    public static readonly string[] Statuses = [Opened, InProgress, Done];

    /// <summary>Adds a finding to <paramref name="findings"/> (a new list), or the field errors.</summary>
    public static (List<Finding>? Findings, FieldErrors Errors) Add(IReadOnlyList<Finding> findings, FindingRequest r, Guid id, DateOnly today)
    {
        var (finding, errors) = Decide(r, null, id, today);
        return (finding is null ? null : [.. findings, finding], errors);
    }

    /// <summary>Replaces finding <paramref name="id"/> (a new list), or the field errors; null when there is no such finding.</summary>
    public static (List<Finding>? Findings, FieldErrors Errors)? Revise(IReadOnlyList<Finding> findings, Guid id, FindingRequest r, DateOnly today)
    {
        if (findings.FirstOrDefault(f => f.Id == id) is not { } existing) return null;
        var (finding, errors) = Decide(r, existing, id, today);
        return (finding is null ? null : [.. findings.Select(f => f.Id == id ? finding : f)], errors);
    }

    private static (Finding? Finding, FieldErrors Errors) Decide(FindingRequest r, Finding? existing, Guid id, DateOnly today)
    {
        var errors = new FieldErrors()
            .Required("title", r.Title, 500)
            .OneOf("severity", r.Severity, Severities)
            .MaxLength("recommendation", r.Recommendation, 4000)
            .PlannedDate("dueDate", r.DueDate, today)
            .OneOf("status", r.Status, Statuses, required: false)
            .MaxLength("followUp", r.FollowUp, 4000)
            .PastDate("closedOn", r.ClosedOn, today);
        var status = r.Status ?? existing?.Status ?? Opened;
        errors.When(status == Done && string.IsNullOrWhiteSpace(r.FollowUp ?? existing?.FollowUp), "followUp",
            "wajib diisi untuk temuan yang selesai / is required for a finding that is done");
        if (errors.Any) return (null, errors);
        return (new Finding(existing?.Id ?? id, r.Title!.Trim(), r.Severity!, r.Recommendation, r.DueDate, status, r.FollowUp ?? existing?.FollowUp,
            status == Done ? r.ClosedOn ?? existing?.ClosedOn ?? today : null), errors);
    }
}
