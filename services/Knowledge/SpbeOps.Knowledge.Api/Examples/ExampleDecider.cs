namespace SpbeOps.Knowledge.Api.Examples;

/// <summary>EXAMPLE: the example's rules, free of I/O (decision 13): the next state and its event, or a rejection.</summary>
public static class ExampleDecider
{
    public const string FinalRule = "withdrawn-is-final";

    public static Decision<Example> Create(Guid id, ExampleRequest r) =>
        Validate(r) is { Any: true } errors ? errors : Decision.Accept(Fill(new Example { Id = id }, r), new ExampleCreated());

    public static Decision<Example> Update(Example current, ExampleRequest r)
    {
        if (Validate(r) is { Any: true } errors) return errors;
        return current.Withdrawn ? Final() : Decision.Accept(Fill(current, r), new ExampleUpdated());
    }

    public static Decision<Example> Withdraw(Example current, WithdrawalRequest r)
    {
        if (new FieldErrors().Required("reason", r.Reason, 1000) is { Any: true } errors) return errors;
        if (current.Withdrawn) return Final();
        var reason = r.Reason!.Trim();
        return Decision.Accept(current with { Withdrawn = true, WithdrawnReason = reason }, new ExampleWithdrawn(reason));
    }

    public static FieldErrors Validate(ExampleRequest r)
    {
        var errors = new FieldErrors().Required("title", r.Title, 200).MaxLength("description", r.Description, 4000);
        return PerangkatDaerahCode.IsValid(r.Opd) ? errors : errors.Add("opd", PerangkatDaerahCode.Rule);
    }

    // `with` copies: a decider never changes the state it was given.
    private static Example Fill(Example e, ExampleRequest r) => e with { Opd = r.Opd!, Title = r.Title!.Trim(), Description = r.Description };

    private static Rejection Final() =>
        new Rejection.Conflict("Contoh sudah dicabut dan tidak dapat diubah / The example was withdrawn and cannot change.", FinalRule);
}
