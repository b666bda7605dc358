namespace SpbeOps.Knowledge.Api.Transfers;

/// <summary>
/// A knowledge-transfer session (alih pengetahuan) of a perangkat daerah: a coaching, a workshop, a handover, with
/// the articles it used (the "penggunaan" step of the KM process). Cancelling is final.
/// </summary>
public sealed class KnowledgeTransfer : IRecord<KnowledgeTransfer>, IOpdRecord
{
    public static RecordNoun Noun { get; } = new("sesi alih pengetahuan", "knowledge-transfer session");

    public static readonly string[] Kinds = ["coaching", "lokakarya", "serah-terima", "mentoring", "webinar"];

    public Guid Id { get; set; }
    public string Opd { get; set; } = "";
    public string Title { get; set; } = "";
    public string Kind { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public string Facilitator { get; set; } = "";
    public int Participants { get; set; }
    public string? Summary { get; set; }
    /// <summary>The published articles the session used.</summary>
    public List<Guid> Articles { get; set; } = [];
    public bool Cancelled { get; set; }
    public string? CancelReason { get; set; }

    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public KnowledgeTransfer Copy()
    {
        var copy = (KnowledgeTransfer)MemberwiseClone();
        copy.Articles = [.. Articles];
        return copy;
    }
}

public sealed record TransferRequest(
    string? Opd, string? Title, string? Kind, DateOnly? HeldOn, string? Facilitator, int? Participants, string? Summary = null,
    IReadOnlyList<Guid>? Articles = null);

public sealed record TransferRecorded : RecordEvent<KnowledgeTransfer>
{
    public override HistoryLine Describe() => new("dicatat / recorded");
}

public sealed record TransferUpdated : RecordEvent<KnowledgeTransfer>
{
    public override HistoryLine Describe() => new($"diperbarui / updated: {string.Join(", ", Changes.Keys)}");
}

public sealed record TransferCancelled(string Reason) : RecordEvent<KnowledgeTransfer>
{
    public override HistoryLine Describe() => new("dibatalkan / cancelled", Reason);
}

/// <summary>The session's rules, free of I/O.</summary>
public static class TransferDecider
{
    public const string CancelledRule = "cancelled-is-final";
    public const int MaxArticles = 50;

    public static Decision<KnowledgeTransfer> Record(Guid id, TransferRequest r, DateOnly today) =>
        Validate(r, today) is { Any: true } errors ? errors : Decision.Accept(Fill(new KnowledgeTransfer { Id = id }, r), new TransferRecorded());

    public static Decision<KnowledgeTransfer> Update(KnowledgeTransfer current, TransferRequest r, DateOnly today)
    {
        if (Validate(r, today) is { Any: true } errors) return errors;
        return current.Cancelled ? Final() : Decision.Accept(Fill(current.Copy(), r), new TransferUpdated());
    }

    public static Decision<KnowledgeTransfer> Cancel(KnowledgeTransfer current, ReasonRequest r)
    {
        if (new FieldErrors().Required("reason", r.Reason, 1000) is { Any: true } errors) return errors;
        if (current.Cancelled) return Final();
        var next = current.Copy();
        next.Cancelled = true;
        next.CancelReason = r.Reason!.Trim();
        return Decision.Accept(next, new TransferCancelled(next.CancelReason));
    }

    public static FieldErrors Validate(TransferRequest r, DateOnly today)
    {
        var errors = new FieldErrors()
            .Opd("opd", r.Opd)
            .Required("title", r.Title, 300)
            .OneOf("kind", r.Kind, KnowledgeTransfer.Kinds)
            .Required("facilitator", r.Facilitator, 200)
            .MaxLength("summary", r.Summary, 4000)
            .Range("participants", r.Participants, 1, 10_000);
        if (r.HeldOn is null) errors.Add("heldOn", "wajib diisi / is required");
        else errors.PastDate("heldOn", r.HeldOn, today);
        errors.Count("articles", r.Articles, MaxArticles);
        return errors;
    }

    private static KnowledgeTransfer Fill(KnowledgeTransfer t, TransferRequest r)
    {
        t.Opd = r.Opd!;
        t.Title = r.Title!.Trim();
        t.Kind = r.Kind!;
        t.HeldOn = r.HeldOn!.Value;
        t.Facilitator = r.Facilitator!.Trim();
        t.Participants = r.Participants!.Value;
        t.Summary = string.IsNullOrWhiteSpace(r.Summary) ? null : r.Summary.Trim();
        t.Articles = [.. (r.Articles ?? []).Distinct()];
        return t;
    }

    private static Rejection Final() =>
        new Rejection.Conflict("Sesi sudah dibatalkan dan tidak dapat diubah / The session was cancelled and cannot change.", CancelledRule);
}
