namespace SpbeOps.Indicators.Api.Metrics;

/// <summary>What one metric is computed for: an indicator, the instansi (<see cref="Opd"/> null) or one OPD, on a day.</summary>
public sealed record MetricScope(int Indicator, string? Opd, FactSet Facts, DateOnly Today);

/// <summary>
/// Every named metric the rubric may use, each a small function over the facts. The rubric decides which metric
/// matters for which level (decision 5); this catalogue only says how a metric is measured, with the records
/// that decided it, so each level can be explained.
/// </summary>
public static class MetricCatalog
{
    /// <summary>How far back a review counts as "periodic" (the regulation's yearly cycle).</summary>
    public const int ReviewWindowDays = 365;

    /// <summary>A quarterly monitoring cadence allows a report at most one quarter plus a grace week old.</summary>
    public const int MonitoringWindowDays = 100;

    /// <summary>A completed follow-up counts for this long after completion (two evaluation cycles).</summary>
    public const int FollowUpWindowDays = 730;

    private const int EvidenceLimit = 25;

    private static readonly Dictionary<string, Func<MetricScope, MetricValue>> Metrics = new()
    {
        ["governance.programme.current"] = ProgrammeCurrent,
        ["governance.guideline.covers"] = GuidelineCovers,
        ["governance.strategy.byIctUnit"] = s => Strategy(s, f => f.Issuer == "tim-koordinasi-spbe"
            || (f.IssuerOpd is not null && string.Equals(f.IssuerOpd, s.Facts.Organisation?.IctUnitOpd, StringComparison.OrdinalIgnoreCase))),
        ["governance.strategy.byCommittee"] = s => Strategy(s, f => f.Issuer is "komite-manajemen-risiko" or "tim-koordinasi-spbe"),
        ["governance.review.last12Months"] = ReviewsInWindow,
        ["governance.followUp.completed"] = FollowUpsCompleted,
        ["assets.lifecycle.inUse"] = AssetsInUse,
        ["assets.register.opdCoverage"] = s => Coverage(s, s.Facts.AssetRegisters.Values
            .Where(r => r.ActiveCount > 0)
            .Select(r => (r.Id, r.Active.FirstOrDefault()?.Id ?? Guid.Empty, $"{r.ActiveCount} aset / assets")), "asset-register"),
        ["risk.context.set"] = RiskContextSet,
        ["risk.assessments.complete"] = RiskAssessmentsComplete,
        ["risk.treatment.decidedAboveAppetite"] = RiskTreatmentDecided,
        ["risk.register.opdCoverage"] = s => Coverage(s, CurrentRegisters(s)
            .Select(r => (r.Opd, r.CompleteSamples.Concat(r.IncompleteSamples).FirstOrDefault()?.Id ?? Guid.Empty, $"{r.Current} risiko / risks")), "risk"),
        ["risk.monitoring.onSchedule"] = RiskMonitoringOnSchedule,
        ["governance.strategy.byCoordinationTeam"] = s => Strategy(s, f => f.Issuer == "tim-koordinasi-spbe"),
        ["security.controls.implementedOpd"] = ControlsImplementedOpd,
        ["security.controls.opdCoverage"] = s => Coverage(s, s.Facts.ControlSummaries.Values
            .Where(r => r.Implemented > 0)
            .Select(r => (r.Id, r.InPlace.FirstOrDefault()?.Id ?? Guid.Empty, $"{r.Implemented} kendali diterapkan / controls in place")), "security.control"),
        ["security.controls.riskBased"] = ControlsRiskBased,
        ["audit.cycle"] = AuditsInCycle,
        ["audit.internalCovers"] = InternalAuditCovers,
        ["audit.externalCertified"] = ExternalCertifiedAudit,
        ["audit.findingsFollowedUp"] = AuditFindingsFollowedUp,
        ["governance.strategy.byDataForum"] = s => Strategy(s, f => f.Issuer is "forum-satu-data" or "tim-koordinasi-spbe"),
        ["data.datasets.verified"] = DatasetsVerified,
        ["data.published.completeShare"] = PublishedCompleteShare,
        ["data.catalogue.opdCoverage"] = s => Coverage(s, s.Facts.DataCatalogues.Values
            .Where(c => c.Verified > 0)
            .Select(c => (c.Id, c.VerifiedSamples.FirstOrDefault()?.Id ?? Guid.Empty, $"{c.Verified} dataset terverifikasi / verified datasets")), "data-catalogue"),
        ["changes.recorded"] = ServiceManagementMetrics.ChangesRecorded,
        ["changes.throughProcessShare"] = ServiceManagementMetrics.ThroughProcessShare,
        ["changes.reviewedShare"] = ServiceManagementMetrics.ReviewedShare,
        ["servicemanagement.processesInUse"] = ServiceManagementMetrics.ProcessesInUse,
        ["servicedesk.sla.measured"] = ServiceManagementMetrics.SlaMeasured,
        ["servicedesk.opdCoverage"] = s => Coverage(s, ServiceManagementMetrics.DeskInUse(s), "service-desk"),
        ["competency.plan.current"] = HrPlansCurrent,
        ["competency.areas.met"] = CompetencyAreasMet,
        ["competency.development.inYear"] = s => CompetencyInYear(s, CompetencyRegisterSummary.Training, "pelatihan / trainings"),
        ["competency.assessments.inYear"] = s => CompetencyInYear(s, CompetencyRegisterSummary.Assessment, "asesmen kompetensi / competency assessments"),
        ["knowledge.articles.published"] = s => KnowledgeArticles(s, k => k.Published, k => k.PublishedSamples, "knowledge-article"),
        ["knowledge.articles.integrated"] = s => KnowledgeArticles(s, k => k.Integrated, k => k.IntegratedSamples, "knowledge-article.integrated"),
        ["knowledge.base.opdCoverage"] = s => Coverage(s, s.Facts.KnowledgeBases.Values
            .Where(k => k.Published > 0)
            .Select(k => (k.Id, k.PublishedSamples.FirstOrDefault()?.Id ?? Guid.Empty, $"{k.Published} artikel terbit / published articles")), "knowledge-base"),
    };

    /// <summary>How often an application or infrastructure must be audited (Perpres 95/2018 Pasal 58: at least every two years).</summary>
    public const int AuditCycleDays = 730;

    public static IReadOnlyCollection<string> Names => Metrics.Keys;

    /// <summary>The values of the metrics <paramref name="indicator"/>'s criteria name (and only those).</summary>
    public static IReadOnlyDictionary<string, MetricValue> Measure(RubricIndicator indicator, MetricScope scope)
    {
        var names = indicator.Levels.SelectMany(l => l.Criteria).Select(c => c.Metric).Distinct();
        var values = new Dictionary<string, MetricValue>();
        foreach (var name in names)
        {
            if (Metrics.TryGetValue(name, out var measure)) values[name] = measure(scope);
        }
        return values;
    }

    // ---- governance records (shared by every indicator) ----

    private static IEnumerable<GovernanceFact> Records(MetricScope s, string type) =>
        s.Facts.Governance.Where(g => g.Indicator == s.Indicator && g.RecordType == type && !g.Withdrawn && g.AppliesTo(s.Opd));

    private static MetricValue ProgrammeCurrent(MetricScope s)
    {
        // A programme in some units already makes the instansi "terkelola" (P59 Tabel 1, level 2).
        var running = Records(s, "programme").Where(p => p.Date <= s.Today && (p.EndDate ?? EndOfYear(p)) >= s.Today).ToList();
        return MetricValue.Of(running.Count, [.. running.Take(EvidenceLimit).Select(p => Evidence(p, "governance.programme"))]);
    }

    private static DateOnly EndOfYear(GovernanceFact programme) => new(programme.Date!.Value.Year, 12, 31);

    private static MetricValue GuidelineCovers(MetricScope s)
    {
        // For the instansi a guideline must apply to every unit (level 3: "seluruh unit kerja").
        var guidelines = Records(s, "policy")
            .Where(p => p.PolicyKind is "pedoman" or "sop" && p.InForceOn(s.Today) && (s.Opd is not null || p.AllOpd))
            .ToList();
        var covered = guidelines.SelectMany(g => g.Covers).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        return MetricValue.Of(covered, [.. guidelines.Select(g => Evidence(g, "governance.guideline"))]);
    }

    private static MetricValue Strategy(MetricScope s, Func<GovernanceFact, bool> issuedByTheRightBody)
    {
        var strategies = Records(s, "policy")
            .Where(p => p.PolicyKind is "strategi" or "kebijakan" && p.InForceOn(s.Today) && (s.Opd is not null || p.AllOpd) && issuedByTheRightBody(p))
            .ToList();
        return MetricValue.Of(strategies.Count > 0, [.. strategies.Select(p => Evidence(p, "governance.strategy"))]);
    }

    private static MetricValue ReviewsInWindow(MetricScope s)
    {
        var from = s.Today.AddDays(-ReviewWindowDays);
        var reviews = Records(s, "review").Where(r => r.Date >= from && r.Date <= s.Today).ToList();
        return MetricValue.Of(reviews.Count, [.. reviews.Select(r => Evidence(r, "governance.review"))]);
    }

    private static MetricValue FollowUpsCompleted(MetricScope s)
    {
        var from = s.Today.AddDays(-FollowUpWindowDays);
        var reviews = s.Facts.Governance.Where(g => g.RecordType == "review" && !g.Withdrawn && g.Indicator == s.Indicator).Select(g => g.Id).ToHashSet();
        var done = Records(s, "follow-up")
            .Where(f => f.Status == "selesai" && f.CompletedOn >= from && f.ReviewId is { } review && reviews.Contains(review))
            .ToList();
        return MetricValue.Of(done.Count, [.. done.Select(f => Evidence(f, "governance.follow-up"))]);
    }

    // ---- assets (indicator 24) ----

    private static MetricValue AssetsInUse(MetricScope s)
    {
        var registers = s.Facts.AssetRegisters.Values.Where(r => r.InUseCount > 0 && (s.Opd is null || Same(r.Id, s.Opd))).ToList();
        var evidence = registers.SelectMany(r => r.InUse.Select(a => new Evidence(a.Id.ToString(), "asset", $"{a.Name} ({r.Id})"))).Take(EvidenceLimit);
        return MetricValue.Of(registers.Count > 0, [.. evidence]);
    }

    /// <summary>
    /// For the instansi: the share of its perangkat daerah that keep records of this kind; for one OPD: 1 when it
    /// does, else 0. The evidence names the OPD still missing, which is what a user needs to fix.
    /// </summary>
    private static MetricValue Coverage(MetricScope s, IEnumerable<(string Opd, Guid Id, string Label)> records, string kind)
    {
        var byOpd = records.GroupBy(r => r.Opd, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        if (s.Opd is not null)
        {
            return byOpd.TryGetValue(s.Opd, out var own)
                ? MetricValue.Of(1.0, new Evidence(own.Id.ToString(), kind, own.Label))
                : MetricValue.Of(0.0, new Evidence(s.Opd, "perangkat-daerah.missing", $"{s.Opd}: belum ada / none yet"));
        }

        var all = s.Facts.PerangkatDaerah();
        if (all.Count == 0) return MetricValue.Of(0.0);
        var missing = all.Where(opd => !byOpd.ContainsKey(opd)).ToList();
        var evidence = missing.Take(EvidenceLimit).Select(opd => new Evidence(opd, "perangkat-daerah.missing", $"{opd}: belum ada / none yet"))
            .Concat(all.Where(byOpd.ContainsKey).Take(EvidenceLimit).Select(opd => new Evidence(byOpd[opd].Id.ToString(), kind, $"{opd}: {byOpd[opd].Label}")));
        return MetricValue.Of(Math.Round((all.Count - missing.Count) / (double)all.Count, 4), [.. evidence]);
    }

    // ---- data (indicator 23) ----

    private static IEnumerable<DataCatalogueSummary> Catalogues(MetricScope s) =>
        s.Facts.DataCatalogues.Values.Where(c => s.Opd is null || Same(c.Id, s.Opd));

    private static MetricValue DatasetsVerified(MetricScope s)
    {
        var catalogues = Catalogues(s).Where(c => c.Verified > 0).ToList();
        var evidence = catalogues.SelectMany(c => c.VerifiedSamples.Select(d => new Evidence(d.Id.ToString(), "dataset", $"{d.Title} ({c.Id})"))).Take(EvidenceLimit);
        return MetricValue.Of(catalogues.Sum(c => c.Verified), [.. evidence]);
    }

    /// <summary>The share of published datasets whose Standar Data and metadata are complete (0 when none is published).</summary>
    private static MetricValue PublishedCompleteShare(MetricScope s)
    {
        var catalogues = Catalogues(s).Where(c => c.Published > 0).ToList();
        var published = catalogues.Sum(c => c.Published);
        if (published == 0) return MetricValue.Of(0.0, new Evidence("-", "dataset.missing", "belum ada dataset yang dipublikasikan / no dataset is published yet"));
        var evidence = catalogues.SelectMany(c => c.IncompleteSamples.Select(d =>
                new Evidence(d.Id.ToString(), "dataset.incomplete", $"{d.Title} ({c.Id}): Standar Data/metadata belum lengkap / incomplete")))
            .Concat(catalogues.Select(c => new Evidence(c.Id, "data-catalogue", $"{c.Id}: {c.PublishedComplete} dari {c.Published} lengkap / of {c.Published} complete")))
            .Take(EvidenceLimit);
        return MetricValue.Of(Math.Round(catalogues.Sum(c => c.PublishedComplete) / (double)published, 4), [.. evidence]);
    }

    // ---- knowledge (indicator 26) ----

    /// <summary>How many articles of the scope count (published; published and captured from another service), with samples.</summary>
    private static MetricValue KnowledgeArticles(
        MetricScope s, Func<KnowledgeBaseSummary, int> count, Func<KnowledgeBaseSummary, List<ArticleSample>> samples, string kind)
    {
        var bases = s.Facts.KnowledgeBases.Values.Where(k => (s.Opd is null || Same(k.Id, s.Opd)) && count(k) > 0).ToList();
        var evidence = bases.SelectMany(k => samples(k).Select(a => new Evidence(a.Id.ToString(), kind, $"{a.Title} ({k.Id})"))).Take(EvidenceLimit);
        return MetricValue.Of(bases.Sum(count), [.. evidence]);
    }

    // ---- risk (indicator 21) ----

    /// <summary>The registers of the current period that hold a risk (per OPD summaries, never the risks themselves: issue 8).</summary>
    private static IEnumerable<RiskRegisterSummary> CurrentRegisters(MetricScope s) =>
        s.Facts.RiskRegisters.Values.Where(r => r.Current > 0 && r.PeriodYear == s.Today.Year && (s.Opd is null || Same(r.Opd, s.Opd)));

    private static IEnumerable<Evidence> Samples(IEnumerable<RiskRegisterSummary> registers, Func<RiskRegisterSummary, List<RiskSample>> list, string kind) =>
        registers.SelectMany(list).Take(EvidenceLimit).Select(r => new Evidence(r.Id.ToString(), kind, r.Label));

    private static MetricValue RiskContextSet(MetricScope s)
    {
        var contexts = s.Facts.RiskContexts.Where(c => c.PeriodYear == s.Today.Year && c.Complete && (s.Opd is null || Same(c.Opd, s.Opd))).ToList();
        var withContext = contexts.Select(c => c.Opd).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Every UPR that keeps a register this period must have set its context first.
        var withoutContext = CurrentRegisters(s).Select(r => r.Opd).Distinct(StringComparer.OrdinalIgnoreCase).Where(o => !withContext.Contains(o)).ToList();
        var evidence = contexts.Select(c => new Evidence(c.Id.ToString(), "risk.context", $"Konteks risiko {c.Opd} {c.PeriodYear}"))
            .Concat(withoutContext.Select(o => new Evidence(o, "risk.context.missing", $"{o}: register tanpa konteks / a register without a context")));
        return MetricValue.Of(contexts.Count > 0 && withoutContext.Count == 0, [.. evidence]);
    }

    private static MetricValue RiskAssessmentsComplete(MetricScope s)
    {
        var registers = CurrentRegisters(s).ToList();
        var evidence = Samples(registers, r => r.IncompleteSamples, "risk.incomplete").Concat(Samples(registers, r => r.CompleteSamples, "risk"));
        return MetricValue.Of(registers.Count > 0 && registers.All(r => r.Incomplete == 0), [.. evidence]);
    }

    private static MetricValue RiskTreatmentDecided(MetricScope s)
    {
        var registers = CurrentRegisters(s).ToList();
        var evidence = Samples(registers, r => r.UntreatedSamples, "risk.untreated").Concat(Samples(registers, r => r.TreatedSamples, "risk.treated"));
        return MetricValue.Of(registers.Count > 0 && registers.All(r => r.Untreated == 0), [.. evidence]);
    }

    private static MetricValue RiskMonitoringOnSchedule(MetricScope s)
    {
        var from = s.Today.AddDays(-MonitoringWindowDays);
        var recent = s.Facts.RiskMonitoring.Where(m => m.ReportedOn >= from && m.ReportedOn <= s.Today && (s.Opd is null || Same(m.Opd, s.Opd))).ToList();
        var reporting = recent.Select(m => m.Opd).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var late = CurrentRegisters(s).Select(r => r.Opd).Distinct(StringComparer.OrdinalIgnoreCase).Where(o => !reporting.Contains(o)).ToList();
        var evidence = recent.Select(m => new Evidence(m.Id.ToString(), "risk.monitoring", $"{m.Opd}: laporan {m.Kind}{(m.Quarter is { } q ? $" TW{q}" : "")} {m.ReportedOn:yyyy-MM-dd}"))
            .Concat(late.Select(o => new Evidence(o, "risk.monitoring.late", $"{o}: tidak ada laporan pemantauan {MonitoringWindowDays} hari terakhir / no monitoring report in {MonitoringWindowDays} days")));
        return MetricValue.Of(recent.Count > 0 && late.Count == 0, [.. evidence]);
    }

    // ---- staff competency (indicator 25): counts and pseudonyms only, never names or NIP ----

    /// <summary>The six SPBE competency areas of P59 (the Competency service's vocabulary).</summary>
    public static readonly string[] CompetencyAreas =
        ["proses-bisnis", "arsitektur-spbe", "data-informasi", "keamanan-spbe", "aplikasi-spbe", "infrastruktur-spbe"];

    /// <summary>A certification that expired this many days ago or less is named as the cause of an unmet area.</summary>
    public const int ExpiredCauseDays = 90;

    private static List<HrPlanFact> CurrentPlans(MetricScope s) =>
        [.. s.Facts.HrPlans.Where(p => !p.Withdrawn && p.Year == s.Today.Year && (s.Opd is null || Same(p.Opd, s.Opd))).OrderBy(p => p.Opd, StringComparer.Ordinal)];

    private static MetricValue HrPlansCurrent(MetricScope s)
    {
        var plans = CurrentPlans(s);
        return MetricValue.Of(plans.Count, [.. plans.Take(EvidenceLimit).Select(p =>
            new Evidence(p.Id.ToString(), "competency.plan", $"Rencana SDM / HR plan {p.Opd} {p.Year}: {p.Needs.Count} bidang / areas"))]);
    }

    /// <summary>
    /// How many of the six areas are met against this year's HR plans on the day measured: for an OPD, its plan's
    /// headcount at the planned proficiency; for the instansi, an area every planning OPD meets. An area no plan names
    /// is not met. The evidence gives counts per area and OPD, and, for an unmet area, the certifications that expired
    /// in the last 90 days (the usual cause of a drop).
    /// </summary>
    private static MetricValue CompetencyAreasMet(MetricScope s)
    {
        var results = CurrentPlans(s).SelectMany(p =>
        {
            var register = s.Facts.CompetencyRegisters.GetValueOrDefault(p.Opd);
            var proficiency = register?.ProficiencyOn(s.Today) ?? [];
            return p.Needs.Select(n =>
            {
                var qualified = CompetencyRegisterSummary.Qualified(proficiency, n.Area, n.Proficiency);
                return (Plan: p, Need: n, Register: register, Qualified: qualified, Met: qualified >= n.Headcount);
            });
        }).ToList();
        var met = CompetencyAreas.Where(a => results.Any(r => r.Need.Area == a) && results.Where(r => r.Need.Area == a).All(r => r.Met)).ToList();

        var evidence = new List<Evidence>();
        foreach (var r in results.Where(r => !r.Met))
        {
            evidence.Add(new Evidence(r.Plan.Id.ToString(), "competency.area.gap",
                $"{r.Need.Area} ({r.Plan.Opd}): {r.Qualified} dari {r.Need.Headcount} pegawai tingkat ≥{r.Need.Proficiency} / {r.Qualified} of {r.Need.Headcount} staff at ≥{r.Need.Proficiency}"));
            foreach (var (id, cert) in r.Register?.ExpiredRecently(r.Need.Area, s.Today, ExpiredCauseDays) ?? [])
                evidence.Add(new Evidence(id.ToString(), "competency.certification.expired",
                    $"sertifikasi / certification {r.Need.Area} ({r.Plan.Opd}) berakhir / expired {cert.ValidUntil!.Value.AddDays(1):yyyy-MM-dd}"));
        }
        evidence.AddRange(CompetencyAreas.Where(a => results.All(r => r.Need.Area != a))
            .Select(a => new Evidence(a, "competency.area.unplanned", $"{a}: tidak ada dalam rencana SDM tahun ini / not in this year's HR plan")));
        evidence.AddRange(results.Where(r => r.Met).Select(r => new Evidence(r.Plan.Id.ToString(), "competency.area",
            $"{r.Need.Area} ({r.Plan.Opd}): {r.Qualified} dari {r.Need.Headcount} pegawai tingkat ≥{r.Need.Proficiency} / of {r.Need.Headcount} staff")));
        return MetricValue.Of(met.Count, [.. evidence.Take(EvidenceLimit)]);
    }

    private static MetricValue CompetencyInYear(MetricScope s, string kind, string what)
    {
        var registers = s.Facts.CompetencyRegisters.Values.Where(r => s.Opd is null || Same(r.Id, s.Opd))
            .Select(r => (r.Id, Count: r.InYear(kind, s.Today))).Where(r => r.Count > 0).ToList();
        return MetricValue.Of(registers.Sum(r => r.Count), [.. registers.Take(EvidenceLimit).Select(r =>
            new Evidence(r.Id, $"competency.{kind}", $"{r.Id}: {r.Count} {what} {s.Today.Year}"))]);
    }

    // ---- security (indicator 22) and audits (29, 30, 31) ----

    private static IEnumerable<SecurityControlSummary> ControlSummaries(MetricScope s) =>
        s.Facts.ControlSummaries.Values.Where(r => r.Implemented > 0 && (s.Opd is null || Same(r.Id, s.Opd)));

    /// <summary>How many OPD have at least one control in place (sebagian or penuh).</summary>
    private static MetricValue ControlsImplementedOpd(MetricScope s)
    {
        var summaries = ControlSummaries(s).ToList();
        var evidence = summaries.SelectMany(r => r.InPlace.Select(c => new Evidence(c.Id.ToString(), "security.control", $"{r.Id}: {c.Code}"))).Take(EvidenceLimit);
        return MetricValue.Of(summaries.Count, [.. evidence]);
    }

    /// <summary>Every control in place answers at least one SPBE risk (and at least one is in place).</summary>
    private static MetricValue ControlsRiskBased(MetricScope s)
    {
        var summaries = ControlSummaries(s).ToList();
        var evidence = summaries.SelectMany(r => r.NotRiskBased.Select(c =>
                new Evidence(c.Id.ToString(), "security.control.withoutRisk", $"{r.Id}: {c.Code} tanpa risiko SPBE / answers no SPBE risk")))
            .Take(EvidenceLimit)
            .Concat(summaries.Where(r => r.WithoutRisk == 0).SelectMany(r => r.InPlace.Select(c =>
                new Evidence(c.Id.ToString(), "security.control", $"{r.Id}: {c.Code}"))).Take(EvidenceLimit));
        return MetricValue.Of(summaries.Count > 0 && summaries.All(r => r.WithoutRisk == 0), [.. evidence]);
    }

    /// <summary>The audits of the scope's indicator (an audit covers every OPD).</summary>
    private static IEnumerable<AuditFact> Audits(MetricScope s) => s.Facts.Audits.Where(a => !a.Withdrawn && a.Indicator == s.Indicator);

    /// <summary>Reported (pelaporan or later) within the audit cycle.</summary>
    private static IEnumerable<AuditFact> ReportedAudits(MetricScope s) =>
        Audits(s).Where(a => a.ReportedOn is { } on && on >= s.Today.AddDays(-AuditCycleDays) && on <= s.Today);

    private static Evidence Evidence(AuditFact a, string kind) =>
        new(a.Id.ToString(), kind, $"{a.Title} ({a.AuditorType}, {a.Stage}{(a.ReportedOn is { } r ? $", {r:yyyy-MM-dd}" : "")})");

    /// <summary>Engagements planned or held within one audit cycle before or after today: the continuous plan at work.</summary>
    private static MetricValue AuditsInCycle(MetricScope s)
    {
        var audits = Audits(s).Where(a => a.PlannedStart >= s.Today.AddDays(-AuditCycleDays) && a.PlannedStart <= s.Today.AddDays(AuditCycleDays)).ToList();
        return MetricValue.Of(audits.Count, [.. audits.Take(EvidenceLimit).Select(a => Evidence(a, "audit"))]);
    }

    /// <summary>The hal pokok teknis covered by internal audits reported within the cycle.</summary>
    private static MetricValue InternalAuditCovers(MetricScope s)
    {
        var audits = ReportedAudits(s).Where(a => a.AuditorType == "internal").ToList();
        return MetricValue.Of(audits.SelectMany(a => a.Covers).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal),
            [.. audits.Take(EvidenceLimit).Select(a => Evidence(a, "audit.internal"))]);
    }

    private static MetricValue ExternalCertifiedAudit(MetricScope s)
    {
        var audits = ReportedAudits(s).Where(a => a.AuditorType == "eksternal").ToList();
        var certified = audits.Where(a => a.CertifiedOnStart).ToList();
        var evidence = certified.Select(a => Evidence(a, "audit.external"))
            .Concat(audits.Where(a => !a.CertifiedOnStart).Select(a => Evidence(a, "audit.uncertified")));
        return MetricValue.Of(certified.Count > 0, [.. evidence.Take(EvidenceLimit)]);
    }

    /// <summary>Every finding of the audits reported within the cycle is done (and at least one audit was reported).</summary>
    private static MetricValue AuditFindingsFollowedUp(MetricScope s)
    {
        var audits = ReportedAudits(s).ToList();
        var open = audits.Where(a => a.FindingsOpen > 0).ToList();
        var evidence = open.Select(a => new Evidence(a.Id.ToString(), "audit.openFindings",
                $"{a.Title}: {a.FindingsOpen} dari {a.FindingsTotal} temuan belum selesai / of {a.FindingsTotal} findings still open"))
            .Concat(audits.Where(a => a.FindingsOpen == 0).Select(a => new Evidence(a.Id.ToString(), "audit.followedUp",
                $"{a.Title}: {a.FindingsTotal} temuan selesai / findings done")));
        return MetricValue.Of(audits.Count > 0 && open.Count == 0, [.. evidence.Take(EvidenceLimit)]);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static Evidence Evidence(GovernanceFact f, string kind) =>
        new(f.Id.ToString(), kind, f.Date is { } d ? $"{f.Title} ({d:yyyy-MM-dd})" : f.Title);
}
