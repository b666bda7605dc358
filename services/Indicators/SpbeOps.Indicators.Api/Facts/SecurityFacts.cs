using SpbeOps.Contracts.Audits;
using SpbeOps.Contracts.Security;

namespace SpbeOps.Indicators.Api.Facts;

/// <summary>A control implementation of one OPD (indicator 22), as the Security service told it.</summary>
public sealed class ControlImplementationFact : OpdFact
{
    public string ControlCode { get; set; } = "";
    /// <summary>Sebagian or penuh: the control is in place (at least partly).</summary>
    public bool Implemented { get; set; }
    /// <summary>The implementation answers at least one SPBE risk ("berdasarkan Risiko SPBE").</summary>
    public bool RiskBased { get; set; }

    public static ControlImplementationFact From(ControlImplementationChangedIntegrationEvent m) => new()
    {
        Id = m.ImplementationId, Version = m.Version, UpdatedAt = m.OccurredAt, Opd = m.Opd, ControlCode = m.ControlCode,
        Implemented = m.Status is "sebagian" or "penuh", RiskBased = m.RiskIds.Count > 0,
    };
}

/// <summary>An audit engagement of the instansi for an audit indicator (29, 30, 31). An audit covers every OPD.</summary>
public sealed class AuditFact : Fact
{
    public int Indicator { get; set; }
    public string Title { get; set; } = "";
    public string AuditorType { get; set; } = "";
    public bool CertifiedOnStart { get; set; }
    public string Stage { get; set; } = "";
    public DateOnly PlannedStart { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public List<string> Covers { get; set; } = [];
    public int FindingsTotal { get; set; }
    public int FindingsOpen { get; set; }
    public bool Withdrawn { get; set; }

    public static AuditFact From(AuditEngagementChangedIntegrationEvent m) => new()
    {
        Id = m.AuditId, Version = m.Version, UpdatedAt = m.OccurredAt, Indicator = m.Indicator, Title = m.Title, AuditorType = m.AuditorType,
        CertifiedOnStart = m.CertifiedOnStart, Stage = m.Stage, PlannedStart = m.PlannedStart, ReportedOn = m.ReportedOn,
        Covers = [.. m.Covers], FindingsTotal = m.FindingsTotal, FindingsOpen = m.FindingsOpen, Withdrawn = m.Withdrawn,
    };

    public override IReadOnlyCollection<string>? TouchedOpd() => null;
}

public sealed record ControlSample(Guid Id, string Code);

/// <summary>
/// One OPD's control implementations as indicator 22 needs them: how many are in place, how many of those answer
/// no SPBE risk, and a few of each as evidence. Kept up to date fact by fact like <see cref="AssetRegisterSummary"/>,
/// so a recalculation reads one small document per OPD whatever the number of implementations.
/// </summary>
public sealed class SecurityControlSummary
{
    public const int Samples = 5;

    /// <summary>The OPD code.</summary>
    public string Id { get; set; } = "";
    public int Implemented { get; set; }
    public int WithoutRisk { get; set; }
    public List<ControlSample> InPlace { get; set; } = [];
    public List<ControlSample> NotRiskBased { get; set; } = [];

    public bool NeedsSamples => InPlace.Count < Math.Min(Samples, Implemented) || NotRiskBased.Count < Math.Min(Samples, WithoutRisk);

    public void Remove(ControlImplementationFact f)
    {
        if (f.Implemented) Implemented = Math.Max(0, Implemented - 1);
        if (f.Implemented && !f.RiskBased) WithoutRisk = Math.Max(0, WithoutRisk - 1);
        InPlace.RemoveAll(s => s.Id == f.Id);
        NotRiskBased.RemoveAll(s => s.Id == f.Id);
    }

    public void Add(ControlImplementationFact f)
    {
        if (!f.Implemented) return;
        Implemented++;
        if (InPlace.Count < Samples) InPlace.Add(new(f.Id, f.ControlCode));
        if (f.RiskBased) return;
        WithoutRisk++;
        if (NotRiskBased.Count < Samples) NotRiskBased.Add(new(f.Id, f.ControlCode));
    }

    /// <summary>Refills both sample lists from stored candidates (not the ones just applied) and <paramref name="applied"/>.</summary>
    public void Resample(IEnumerable<ControlImplementationFact> candidates, IReadOnlyCollection<ControlImplementationFact> applied)
    {
        var all = candidates.Where(c => applied.All(a => a.Id != c.Id)).Concat(applied)
            .Where(c => string.Equals(c.Opd, Id, StringComparison.OrdinalIgnoreCase) && c.Implemented).ToList();
        InPlace = [.. all.Take(Samples).Select(c => new ControlSample(c.Id, c.ControlCode))];
        NotRiskBased = [.. all.Where(c => !c.RiskBased).Take(Samples).Select(c => new ControlSample(c.Id, c.ControlCode))];
    }
}
