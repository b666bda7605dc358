namespace SpbeOps.Competency.Api;

/// <summary>Deletion is a state (decision 13): a withdrawn record stays, with its reason, and never changes again.</summary>
public interface IWithdrawable
{
    bool Withdrawn { get; }
}

public sealed record WithdrawalRequest(string? Reason);

public static class Withdrawal
{
    /// <summary>Withdraws <paramref name="current"/> (final: 409 <c>withdrawn-is-final</c> the second time).</summary>
    public static Decision<T> Decide<T>(T current, WithdrawalRequest r, Func<T, string, T> withdraw, Func<string, RecordEvent<T>> told)
        where T : class, IRecord<T>, IWithdrawable
    {
        if (new FieldErrors().Required("reason", r.Reason, 1000) is { Any: true } errors) return errors;
        if (current.Withdrawn) return CompetencyVocabulary.Final(T.Noun);
        var reason = r.Reason!.Trim();
        return Decision.Accept(withdraw(current, reason), told(reason));
    }

    /// <summary><c>POST {group}/{id}/withdrawal { "reason": "…" }</c> for record type <typeparamref name="T"/>.</summary>
    public static RouteHandlerBuilder MapWithdrawal<T>(this RouteGroupBuilder api, string operation, Func<T, WithdrawalRequest, Decision<T>> withdraw)
        where T : class, IRecord<T>, IWithdrawable =>
        api.MapPost("/{id:guid}/withdrawal", (Guid id, WithdrawalRequest request, RecordWriter records, CancellationToken ct) =>
                records.ChangeAsync<T>(id, current => withdraw(current, request), ct))
            .WithName($"Withdraw{operation}").WithSummary($"Cabut {T.Noun.Indonesian} (akhir) / Withdraw a {T.Noun.English} (final)");

    /// <summary>The decision of a change to a record that may have been withdrawn.</summary>
    public static Decision<T> Unless<T>(T current, Func<Decision<T>> decide) where T : class, IRecord<T>, IWithdrawable =>
        current.Withdrawn ? CompetencyVocabulary.Final(T.Noun) : decide();
}
