using SpbeOps.Contracts.Risk;

namespace SpbeOps.ServiceManagement.Api.Risks;

/// <summary>
/// An SPBE risk of the Risk service's register, learned from its events (never from its tables): what a change
/// request's assessment may name as its <c>riskId</c>.
/// </summary>
public sealed class KnownRisk : ILearnedRecord
{
    public const string UnknownRule = "unknown-risk";

    public Guid Id { get; set; }
    public long Version { get; set; }

    /// <summary>The risk as its latest integration event told it.</summary>
    public required RiskChangedIntegrationEvent Risk { get; set; }

    public static KnownRisk From(RiskChangedIntegrationEvent m) => new() { Id = m.RiskId, Version = m.Version, Risk = m };

    /// <summary>
    /// Null when <paramref name="risk"/> (the learned copy of <paramref name="id"/>, if any) may be linked by a caller
    /// who reads the OPDs <paramref name="canRead"/> accepts (the Risk service shows an OPD operator only its own
    /// OPD's register); else the 422 naming <c>riskId</c>. A risk of an OPD the caller cannot read is answered as
    /// unknown, as the Risk service would answer 404. A risk not learned yet (created a moment ago in the Risk
    /// service) is unknown too: the caller tries again once the event has arrived.
    /// </summary>
    public static Rejection? RefusesLink(Guid id, KnownRisk? risk, Func<string, bool> canRead) => risk switch
    {
        { } known when known.Id == id && canRead(known.Risk.Opd) && known.Risk.Withdrawn => new Rejection.BreaksRule(
            $"Risiko SPBE '{id}' sudah dicabut di layanan Risiko / SPBE risk '{id}' was withdrawn in the Risk service.", UnknownRule, "riskId"),
        { } known when known.Id == id && canRead(known.Risk.Opd) => null,
        _ => new Rejection.BreaksRule(
            $"Risiko SPBE '{id}' tidak dikenal (belum diterima dari layanan Risiko; bila baru didaftarkan, coba lagi sebentar lagi) / " +
            $"SPBE risk '{id}' is not known (not received from the Risk service yet; if it was just registered, try again shortly).",
            UnknownRule, "riskId"),
    };
}
