namespace SpbeOps.Security.Api.Scope;

/// <summary>Who answers for security: the penanggung jawab (sekda as koordinator SPBE) or the pelaksana teknis.</summary>
public sealed record Responsible(string Name, string Position);

/// <summary>
/// The scope of information security management and who is responsible for it, per year (Peraturan BSSN 4/2021
/// Pasal 3–9): the data and information, the Aplikasi SPBE and the aset Infrastruktur SPBE in scope (by the ids the
/// Assets service's events taught), the security policies already in force, the penanggung jawab and the pelaksana
/// teknis. One per year.
/// </summary>
public sealed record SecurityScope : IRecord<SecurityScope>, IInstansiRecord
{
    public static RecordNoun Noun { get; } = new("ruang lingkup keamanan", "security scope");

    public int Year { get; set; }
    public List<string> Data { get; set; } = [];
    public List<Guid> ApplicationIds { get; set; } = [];
    public List<Guid> InfrastructureIds { get; set; } = [];
    public List<string> Policies { get; set; } = [];
    public Responsible PenanggungJawab { get; set; } = new("", "");
    public Responsible PelaksanaTeknis { get; set; } = new("", "");

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record ResponsibleRequest(string? Name, string? Position);

public sealed record ScopeRequest(
    int? Year, ResponsibleRequest? PenanggungJawab, ResponsibleRequest? PelaksanaTeknis, IReadOnlyList<string>? Data = null,
    IReadOnlyList<Guid>? ApplicationIds = null, IReadOnlyList<Guid>? InfrastructureIds = null, IReadOnlyList<string>? Policies = null);

public sealed record ScopeSet : RecordEvent<SecurityScope>
{
    public override HistoryLine Describe() => new("ditetapkan / set");
}

public sealed record ScopeRevised : RecordEvent<SecurityScope>
{
    public override HistoryLine Describe() => new($"diperbarui / revised: {string.Join(", ", Changes.Keys)}");
}

/// <summary>The scope's rules, free of I/O (decision 13).</summary>
public static class ScopeDecider
{
    public static Decision<SecurityScope> Set(Guid id, ScopeRequest r, DateOnly today) =>
        Validate(r, today) is { Any: true } errors ? errors : Decision.Accept(Fill(new SecurityScope { Id = id }, r), new ScopeSet());

    public static Decision<SecurityScope> Revise(SecurityScope current, ScopeRequest r, DateOnly today)
    {
        var errors = Validate(r with { Year = r.Year ?? current.Year }, today)
            .When(r.Year is { } year && year != current.Year, "year", "tidak dapat diubah / cannot change");
        return errors.Any ? errors : Decision.Accept(Fill(current, r with { Year = current.Year }), new ScopeRevised());
    }

    public static FieldErrors Validate(ScopeRequest r, DateOnly today)
    {
        var errors = new FieldErrors().Range("year", r.Year, 2000, today.Year + 5)
            .Texts("data", r.Data, 300)
            .Texts("policies", r.Policies, 300);
        errors.Count("applicationIds", r.ApplicationIds);
        errors.Count("infrastructureIds", r.InfrastructureIds);
        Person(errors, "penanggungJawab", r.PenanggungJawab);
        Person(errors, "pelaksanaTeknis", r.PelaksanaTeknis);
        return errors;
    }

    private static void Person(FieldErrors errors, string field, ResponsibleRequest? p)
    {
        if (p is null)
        {
            errors.Add(field, "wajib diisi / is required");
            return;
        }
        errors.Required($"{field}.name", p.Name, 200).Required($"{field}.position", p.Position, 200);
    }

    private static SecurityScope Fill(SecurityScope s, ScopeRequest r) => s with
    {
        Year = r.Year!.Value, Data = [.. (r.Data ?? []).Select(d => d!.Trim())], Policies = [.. (r.Policies ?? []).Select(d => d!.Trim())],
        ApplicationIds = [.. (r.ApplicationIds ?? []).Distinct()], InfrastructureIds = [.. (r.InfrastructureIds ?? []).Distinct()],
        PenanggungJawab = new(r.PenanggungJawab!.Name!.Trim(), r.PenanggungJawab.Position!.Trim()),
        PelaksanaTeknis = new(r.PelaksanaTeknis!.Name!.Trim(), r.PelaksanaTeknis.Position!.Trim()),
    };
}
