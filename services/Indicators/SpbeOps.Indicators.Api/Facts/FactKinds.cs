using MassTransit;
using SpbeOps.Contracts.Assets;
using SpbeOps.Contracts.Audits;
using SpbeOps.Contracts.Competency;
using SpbeOps.Contracts.Data;
using SpbeOps.Contracts.Governance;
using SpbeOps.Contracts.Knowledge;
using SpbeOps.Contracts.Risk;
using SpbeOps.Contracts.Security;
using SpbeOps.Contracts.ServiceManagement;

namespace SpbeOps.Indicators.Api.Facts;

/// <summary>One kind of fact, untyped: what the consumer registration needs of it.</summary>
public interface IFactKind
{
    Type Contract { get; }

    /// <summary>Adds the consumer of this kind's contract to the facts endpoint.</summary>
    void AddConsumer(IBusRegistrationConfigurator bus, Action<IEndpointRegistrationConfigurator> endpoint);
}

/// <summary>
/// The typed registration of one fact kind (issue 8): which contract it comes from, how the contract becomes the
/// fact, which indicator the fact feeds, and how a level change it causes is explained. A new service plugs in
/// with one entry in <see cref="FactKinds.All"/> (plus its fact class and the metrics that read it).
/// </summary>
public sealed class FactKind<TContract>(
    Func<TContract, string> instansi, Func<TContract, Fact> toFact, Func<TContract, int> indicator, Func<TContract, string> describe) : IFactKind
    where TContract : class
{
    public Type Contract => typeof(TContract);

    public string Instansi(TContract message) => instansi(message);

    public PendingFact Pending(TContract message, Guid messageId) =>
        new(messageId, toFact(message), indicator(message), describe(message));

    public void AddConsumer(IBusRegistrationConfigurator bus, Action<IEndpointRegistrationConfigurator> endpoint) =>
        bus.AddConsumer<FactConsumer<TContract>>().Endpoint(endpoint);
}

/// <summary>Every fact kind the Indicators service learns, one line per contract.</summary>
public static class FactKinds
{
    public const int AssetIndicator = 24;
    public const int RiskIndicator = 21;
    public const int DataIndicator = 23;
    public const int CompetencyIndicator = 25;
    public const int ChangeIndicator = 27;
    public const int ServiceIndicator = 28;
    public const int KnowledgeIndicator = 26;

    public static readonly FactKind<AssetChangedIntegrationEvent> Asset = new(
        m => m.Instansi, AssetFact.From, _ => AssetIndicator, m => $"aset / asset '{m.Name}' ({m.Opd}): {m.Stage}");

    public static readonly FactKind<GovernanceRecordChangedIntegrationEvent> Governance = new(
        m => m.Instansi, GovernanceFact.From, m => m.Indicator,
        m => $"{m.RecordType} '{m.Title}'{(m.Withdrawn ? " dicabut / withdrawn" : "")}");

    public static readonly FactKind<RiskContextChangedIntegrationEvent> RiskContext = new(
        m => m.Instansi, RiskContextFact.From, _ => RiskIndicator, m => $"konteks risiko / risk context {m.Opd} {m.PeriodYear}");

    public static readonly FactKind<RiskChangedIntegrationEvent> Risk = new(
        m => m.Instansi, RiskFact.From, _ => RiskIndicator, m => $"risiko / risk {m.Opd}: {m.Category} (besaran {m.Besaran})");

    public static readonly FactKind<RiskMonitoringRecordedIntegrationEvent> RiskMonitoring = new(
        m => m.Instansi, RiskMonitoringFact.From, _ => RiskIndicator,
        m => $"pemantauan risiko / risk monitoring {m.Opd} {m.Kind} {m.ReportedOn:yyyy-MM-dd}");

    public static readonly FactKind<ControlImplementationChangedIntegrationEvent> ControlImplementation = new(
        m => m.Instansi, ControlImplementationFact.From, _ => 22, m => $"penerapan kendali / control {m.ControlCode} ({m.Opd}): {m.Status}");

    public static readonly FactKind<AuditEngagementChangedIntegrationEvent> Audit = new(
        m => m.Instansi, AuditFact.From, m => m.Indicator, m => $"audit '{m.Title}': {m.Stage}");

    public static readonly FactKind<DatasetChangedIntegrationEvent> Dataset = new(
        m => m.Instansi, DatasetFact.From, _ => DataIndicator, m => $"dataset '{m.Title}' ({m.Opd}): {m.Status}");

    public static readonly FactKind<ServiceChangedIntegrationEvent> Service = new(
        m => m.Instansi, ServiceFact.From, _ => ServiceIndicator, m => $"layanan / service '{m.Name}' ({m.Opd}): {m.OperationRecords} catatan operasional");

    public static readonly FactKind<TicketChangedIntegrationEvent> Ticket = new(
        m => m.Instansi, TicketFact.From, _ => ServiceIndicator, m => $"tiket / ticket '{m.Title}' ({m.Opd}): {m.Status}");

    public static readonly FactKind<ChangeRequestChangedIntegrationEvent> Change = new(
        m => m.Instansi, ChangeFact.From, _ => ChangeIndicator, m => $"perubahan / change '{m.Title}' ({m.Opd}): {m.Status}");


    // Indicator 25: staff by pseudonym, HR plans, and competency evidence (certifications, trainings, assessments).
    public static readonly FactKind<StaffChangedIntegrationEvent> Staff = new(
        m => m.Instansi, StaffFact.From, _ => CompetencyIndicator, m => $"pegawai SPBE / SPBE staff ({m.Opd}){(m.Withdrawn ? " dicabut / withdrawn" : "")}");

    public static readonly FactKind<HrPlanChangedIntegrationEvent> HrPlan = new(
        m => m.Instansi, HrPlanFact.From, _ => CompetencyIndicator, m => $"rencana SDM / HR plan {m.Opd} {m.Year}{(m.Withdrawn ? " dicabut / withdrawn" : "")}");

    public static readonly FactKind<CompetencyEvidenceChangedIntegrationEvent> CompetencyEvidence = new(
        m => m.Instansi, CompetencyEvidenceFact.From, _ => CompetencyIndicator,
        m => $"{m.Kind} ({m.Opd}): {string.Join(", ", m.Levels.Keys)}{(m.ValidUntil is { } u ? $" s.d. / until {u:yyyy-MM-dd}" : "")}{(m.Withdrawn ? " dicabut / withdrawn" : "")}");

    public static readonly FactKind<KnowledgeArticleChangedIntegrationEvent> KnowledgeArticle = new(
        m => m.Instansi, KnowledgeArticleFact.From, _ => KnowledgeIndicator, m => $"artikel pengetahuan / knowledge article '{m.Title}' ({m.Opd}): {m.Status}");

    public static readonly IReadOnlyList<IFactKind> All = [Asset, Governance, RiskContext, Risk, RiskMonitoring, ControlImplementation, Audit, Dataset, Staff, HrPlan, CompetencyEvidence, KnowledgeArticle, Service, Ticket, Change];

    public static FactKind<TContract> Of<TContract>() where TContract : class =>
        All.OfType<FactKind<TContract>>().SingleOrDefault()
        ?? throw new InvalidOperationException($"No fact kind is registered for {typeof(TContract).Name}.");
}
