namespace SpbeOps.Risk.Api.Approval;

/// <summary>The one approval endpoint every approvable record of this service maps (<c>POST …/{id}/approval</c>).</summary>
public static class ApprovalApi
{
    /// <param name="structureOf">the UPR structure (Formulir 2.3) that names who may take each step of this record</param>
    public static RouteHandlerBuilder MapApproval<T>(
        this RouteGroupBuilder api, string name, Func<T, IQuerySession, CancellationToken, Task<RiskStructure?>> structureOf)
        where T : class, IApprovable<T> =>
        api.MapPost("/{id:guid}/approval", (Guid id, ApprovalRequest request, RecordWriter records, CancellationToken ct) => Step(id, request, records, structureOf, ct))
            .WithName(name)
            .WithSummary($"Ajukan, verifikasi, setujui atau kembalikan {T.Noun.Indonesian} / Submit, verify, approve or return the {T.Noun.English}");

    private static Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> Step<T>(
        Guid id, ApprovalRequest request, RecordWriter records, Func<T, IQuerySession, CancellationToken, Task<RiskStructure?>> structureOf, CancellationToken ct)
        where T : class, IApprovable<T> =>
        records.ChangeAsync<T>(id, async current => ApprovalFlow.Decide(current, request, ApprovalActor.From(records.Caller), records.Caller.Actor,
            await structureOf(current, records.Session, ct), records.Now), ct);
}
