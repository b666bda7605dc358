namespace SpbeOps.Governance;

/// <summary>
/// One request shape for every governance record; which fields are required depends on the record type
/// (see <see cref="GovernanceDecider.Validate"/>).
/// </summary>
public sealed record GovernanceRecordRequest(
    int? Indicator,
    string? Title,
    string? Description = null,
    string? Kind = null,
    string? Number = null,
    string? Issuer = null,
    string? IssuerOpd = null,
    DateOnly? Date = null,
    DateOnly? EndDate = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidUntil = null,
    bool? AllOpd = null,
    IReadOnlyList<string>? ScopeOpds = null,
    IReadOnlyList<string>? Covers = null,
    IReadOnlyList<string>? Activities = null,
    IReadOnlyList<string>? Findings = null,
    string? Reviewer = null,
    Guid? ReviewId = null,
    string? Status = null,
    string? DocumentUrl = null);

public sealed record FollowUpCompletionRequest(DateOnly? CompletedOn, string? Outcome);

public sealed record WithdrawRequest(string? Reason);
