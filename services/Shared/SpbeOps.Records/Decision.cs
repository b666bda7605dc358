namespace SpbeOps.Records;

/// <summary>
/// What a decider says to a command: the record's next state and the event that tells the change, or why the command
/// is refused. Deciders are pure; <see cref="RecordWriter"/> turns a decision into a saved change or an HTTP answer.
/// </summary>
public readonly record struct Decision<TRecord> where TRecord : class, IRecord<TRecord>
{
    private Decision(TRecord? next, RecordEvent<TRecord>? change, Rejection? rejection) =>
        (Next, Change, Rejection) = (next, change, rejection);

    public TRecord? Next { get; }
    public RecordEvent<TRecord>? Change { get; }
    public Rejection? Rejection { get; }

    public static Decision<TRecord> Accept(TRecord next, RecordEvent<TRecord> change) => new(next, change, null);

    public static implicit operator Decision<TRecord>(Rejection rejection) => new(null, null, rejection);

    public static implicit operator Decision<TRecord>(FieldErrors errors) => new(null, null, new Rejection.Invalid(errors));
}

public static class Decision
{
    public static Decision<TRecord> Accept<TRecord>(TRecord next, RecordEvent<TRecord> change) where TRecord : class, IRecord<TRecord> =>
        Decision<TRecord>.Accept(next, change);
}

/// <summary>Why a command is refused, each with its one HTTP answer (RFC 9457 ProblemDetails).</summary>
public abstract record Rejection
{
    /// <summary>400: the fields that are wrong and why.</summary>
    public sealed record Invalid(FieldErrors Errors) : Rejection
    {
        public override ProblemHttpResult ToProblem() => Problem.Invalid(Errors);
    }

    /// <summary>409: the command conflicts with the record's current state (<c>rule</c> names the rule).</summary>
    public sealed record Conflict(string Detail, string Rule, string? Field = null) : Rejection
    {
        public override ProblemHttpResult ToProblem() => Problem.Conflict(Detail, Rule, Field);
    }

    /// <summary>422: the command is well-formed but breaks a rule of the domain.</summary>
    public sealed record BreaksRule(string Detail, string Rule, string? Field = null) : Rejection
    {
        public override ProblemHttpResult ToProblem() => Problem.Unprocessable(Detail, Rule, Field);
    }

    /// <summary>403: the caller's role may not take this step.</summary>
    public sealed record Forbidden(string Detail) : Rejection
    {
        public override ProblemHttpResult ToProblem() => Problem.Forbidden(Detail);
    }

    /// <summary>404: what the command names does not exist (or is not the caller's to see).</summary>
    public sealed record NotFound(string What, object Id) : Rejection
    {
        public override ProblemHttpResult ToProblem() => Problem.NotFound(What, Id);
    }

    public abstract ProblemHttpResult ToProblem();
}
