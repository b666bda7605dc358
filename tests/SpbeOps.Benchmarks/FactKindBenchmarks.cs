namespace SpbeOps.Benchmarks;

/// <summary>
/// What one consumed fact of each kind costs the engine once the facts are in memory (issue 8): the scopes a fact
/// touches are assessed (the instansi and the fact's OPD, decision 6), with 1k, 10k and 100k records of that kind
/// spread over 30 OPD. Assets, risks, control implementations (indicator 22), datasets, tickets and changes (27, 28)
/// are read through per-OPD summaries and stay flat; competency evidence (25) is read through per-OPD summaries too, but
/// entry by entry (a certificate's expiry depends on the day); audit engagements (31) are few per instansi by nature (a
/// handful a year); governance records, risk contexts and monitoring reports are still scanned record by record by
/// their metrics, so their cost grows with their count (few per instansi in practice: docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
public class FactKindBenchmarks : EngineBenchmark
{
    private FactSet _facts = null!;

    public enum Kind { Asset, Governance, RiskContext, Risk, RiskMonitoring, ControlImplementation, Audit, Dataset, Ticket, Change, CompetencyEvidence, KnowledgeArticle }

    [Params(1_000, 10_000, 100_000)]
    public int Records { get; set; }

    [ParamsAllValues]
    public Kind FactKind { get; set; }

    private int Indicator => FactKind switch
    {
        Kind.Asset or Kind.Governance => FactKinds.AssetIndicator,
        Kind.ControlImplementation => 22,
        Kind.Audit => 31,
        Kind.Dataset => FactKinds.DataIndicator,
        Kind.Ticket => FactKinds.ServiceIndicator,
        Kind.Change => FactKinds.ChangeIndicator,
        Kind.CompetencyEvidence => FactKinds.CompetencyIndicator,
        Kind.KnowledgeArticle => FactKinds.KnowledgeIndicator,
        _ => FactKinds.RiskIndicator,
    };

    [GlobalSetup]
    public void Setup()
    {
        _facts = NewInstansi();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (FactKind == Kind.CompetencyEvidence) AddCompetencyPlansAndStaff(today);
        for (var i = 0; i < Records; i++)
        {
            var opd = Opds[i % OpdCount];
            _facts.With(FactKind switch
            {
                Kind.Asset => new AssetFact { Id = Guid.NewGuid(), Version = 1, Opd = opd, Kind = "hardware", Name = $"Aset {i}", Stage = Stages[i % 4] },
                Kind.Governance => new GovernanceFact
                {
                    Id = Guid.NewGuid(), Version = 1, Indicator = 24, RecordType = (i % 3) switch { 0 => "programme", 1 => "policy", _ => "review" },
                    PolicyKind = "sop", Title = $"g {i}", AllOpd = i % 2 == 0, ScopeOpds = [opd], Date = today.AddDays(-(i % 400)),
                    ValidFrom = today.AddDays(-(i % 400)), Covers = [.. Stages],
                },
                Kind.RiskContext => new RiskContextFact { Id = Guid.NewGuid(), Version = 1, Opd = opd, PeriodYear = today.Year - i % 3, Complete = i % 2 == 0 },
                Kind.Risk => new RiskFact
                {
                    Id = Guid.NewGuid(), Version = 1, Opd = opd, PeriodYear = today.Year, Category = "c", Besaran = i % 25 + 1,
                    AboveAppetite = i % 2 == 0, AssessmentComplete = i % 5 != 0, TreatmentDecided = i % 3 != 0,
                },
                Kind.ControlImplementation => new ControlImplementationFact
                {
                    Id = Guid.NewGuid(), Version = 1, Opd = opd, ControlCode = $"APL-{i % 13:00}", Implemented = i % 4 != 0, RiskBased = i % 3 != 0,
                },
                Kind.Audit => new AuditFact
                {
                    Id = Guid.NewGuid(), Version = 1, Indicator = 31, Title = $"a {i}", AuditorType = i % 2 == 0 ? "internal" : "eksternal",
                    CertifiedOnStart = i % 4 == 1, Stage = "pelaporan", PlannedStart = today.AddDays(-(i % 900)), ReportedOn = today.AddDays(-(i % 800)),
                    Covers = ["keamanan-aplikasi", "keamanan-infrastruktur"], FindingsTotal = 3, FindingsOpen = i % 2,
                },
                Kind.Dataset => new DatasetFact
                {
                    Id = Guid.NewGuid(), Version = 1, Opd = opd, Title = $"Data {i}", Status = (i % 3) switch { 0 => "draft", 1 => "diverifikasi", _ => "dipublikasikan" },
                    StandarDataComplete = i % 4 != 0, MetadataComplete = true, Verified = i % 3 != 0,
                },
                Kind.Ticket => new TicketFact
                {
                    Id = Guid.NewGuid(), Version = 1, Opd = opd, Title = $"Tiket {i}", Kind = "gangguan", Status = i % 2 == 0 ? "ditutup" : "dikerjakan",
                    Handled = i % 2 == 0, TtrBreached = i % 7 == 0,
                },
                Kind.Change => new ChangeFact
                {
                    Id = Guid.NewGuid(), Version = 1, Opd = opd, Title = $"Perubahan {i}", Status = "direviu", Assessed = true, Approved = i % 9 != 0,
                    Implemented = i % 2 == 0, Reviewed = i % 4 == 0,
                },
                Kind.CompetencyEvidence => new CompetencyEvidenceFact
                {
                    Id = Guid.NewGuid(), Version = 1, Opd = opd, StaffId = StaffOf(opd, i), Kind = (i % 3) switch { 0 => "sertifikasi", 1 => "asesmen", _ => "pelatihan" },
                    Date = today.AddDays(-(i % 700)), ValidUntil = i % 3 == 0 ? today.AddDays(i % 900 - 300) : null,
                    Levels = new() { [Areas[i % Areas.Length]] = i % 3 == 2 ? 0 : i % 4 + 1 },
                },
                Kind.KnowledgeArticle => new KnowledgeArticleFact
                {
                    Id = Guid.NewGuid(), Version = 1, Opd = opd, Title = $"Artikel {i}", Status = (i % 3) switch { 0 => "draft", 1 => "reviu", _ => "terbit" },
                    SourceService = i % 10 == 0 ? "security" : null,
                },
                _ => new RiskMonitoringFact { Id = Guid.NewGuid(), Version = 1, Opd = opd, Kind = "triwulan", ReportedOn = today.AddDays(-(i % 200)) },
            });
        }
    }

    private static readonly string[] Areas = ["proses-bisnis", "arsitektur-spbe", "data-informasi", "keamanan-spbe", "aplikasi-spbe", "infrastruktur-spbe"];

    /// <summary>Indicator 25: each OPD's HR plan for the six areas and 20 SPBE staff (the evidence is spread over them).</summary>
    private void AddCompetencyPlansAndStaff(DateOnly today)
    {
        foreach (var opd in Opds)
        {
            _facts.With(new HrPlanFact { Id = Guid.NewGuid(), Version = 1, Opd = opd, Year = today.Year, Needs = [.. Areas.Select(a => new SpbeOps.Contracts.Competency.CompetencyNeed(a, 2, 2))] });
            for (var s = 0; s < 20; s++) _facts.With(new StaffFact { Id = StaffOf(opd, s), Version = 1, Opd = opd, ActiveFrom = today.AddYears(-5) });
        }
    }

    private static Guid StaffOf(string opd, int i) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{opd}/{i % 20}")));

    [Benchmark(Description = "one fact: instansi + its OPD assessed")]
    public int AssessTouchedScopes() =>
        Engine.Assess(Indicator, null, _facts).Level + Engine.Assess(Indicator, Opds[7], _facts).Level;
}
