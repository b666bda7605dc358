using SpbeOps.Indicators.Api.Evaluations;
using SpbeOps.Indicators.Api.Live;
using SpbeOps.Indicators.Api.Metrics;
using SpbeOps.Indicators.Api.Organisation;

namespace SpbeOps.Indicators.Api.Extensions;

public static class Extensions
{
    public const string ServiceName = "indicators";

    /// <summary>Fact messages in flight per instance: what one tenant's next batch can hold.</summary>
    public const int FactsConcurrency = 256;

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var rubric = RubricLoader.LoadEmbedded();
        EnsureMetricsExist(rubric);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(rubric);
        builder.Services.AddSingleton<MaturityEngine>();
        builder.Services.AddSingleton<FactBatcher>();
        builder.Services.AddSingleton<LevelChangeBroadcaster>();
        builder.Services.AddSingleton<RecentMessages>();
        builder.Services.AddSingleton<CommittedLevelChanges>();
        builder.Services.AddSingleton(builder.Configuration.GetSection("Live").Get<LiveOptions>() ?? new LiveOptions());
        builder.Services.AddSingleton<IIntegrationEventMapper, MaturityEventMapper>();
        builder.Services.AddSingleton(builder.Configuration.GetSection("Maturity:Recalculation").Get<RecalculationOptions>() ?? new RecalculationOptions());
        builder.Services.AddSingleton<PeriodicRecalculation>();
        // Before the periodic recalculation and the bus start (hosted services start in this order): summaries of risks
        // stored before the summaries existed, so no recalculation sees an empty register.
        builder.Services.AddHostedService<RiskRegisterBackfill>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PeriodicRecalculation>());

        builder.AddSpbeMarten(ServiceName, opts =>
        {
            opts.Schema.For<AssetFact>().Index(f => f.Opd);
            opts.Schema.For<AssetRegisterSummary>();
            opts.Schema.For<GovernanceFact>().Index(f => f.Indicator);
            opts.Schema.For<RiskContextFact>();
            // Served: resampling a register's evidence reads a few risks of one OPD and period.
            opts.Schema.For<RiskFact>().Index([f => f.Opd, f => f.PeriodYear]);
            opts.Schema.For<RiskRegisterSummary>();
            opts.Schema.For<RiskMonitoringFact>();
            opts.Schema.For<ControlImplementationFact>().Index(f => f.Opd);
            opts.Schema.For<SecurityControlSummary>();
            opts.Schema.For<AuditFact>().Index(f => f.Indicator);
            opts.Schema.For<DatasetFact>().Index(f => f.Opd);
            opts.Schema.For<DataCatalogueSummary>();
            opts.Schema.For<ServiceFact>();
            opts.Schema.For<TicketFact>();
            opts.Schema.For<ChangeFact>();
            opts.Schema.For<ServiceManagementSummary>();
            opts.Schema.For<HrPlanFact>();
            opts.Schema.For<StaffFact>();
            opts.Schema.For<CompetencyEvidenceFact>();
            opts.Schema.For<CompetencyRegisterSummary>();
            opts.Schema.For<KnowledgeArticleFact>().Index(f => f.Opd);
            opts.Schema.For<KnowledgeBaseSummary>();
            opts.Schema.For<OrganisationProfile>();
            opts.Schema.For<OfficialEvaluation>();
            // Two recalculations racing on one level would record one change twice: the second one retries.
            opts.Schema.For<IndicatorState>().Index(s => s.Indicator).UseOptimisticConcurrency(true);
            opts.Schema.For<KnownTenant>();
            opts.Events.AddEventType<IndicatorLevelChanged>();
        });

        builder.AddSpbeMessaging(ServiceName, (x, options) =>
        {
            // Every fact kind on one endpoint (the queue the one-at-a-time consumer had). Many messages are in flight;
            // the batcher applies one tenant's facts one batch at a time, so its recalculations never race each other.
            foreach (var kind in FactKinds.All)
                kind.AddConsumer(x, e =>
                {
                    e.Name = $"{options.EndpointPrefix}-facts";
                    e.ConcurrentMessageLimit = FactsConcurrency;
                    e.PrefetchCount = FactsConcurrency;
                    e.Temporary = options.TemporaryQueues;
                });
            x.AddInstanceConsumer<LevelChangedConsumer>(options);
        });
        return builder;
    }

    /// <summary>A criterion naming a metric nobody measures would silently never be met: refuse to start instead.</summary>
    private static void EnsureMetricsExist(SpbeRubric rubric)
    {
        var unknown = rubric.Indicators.SelectMany(i => i.Levels).SelectMany(l => l.Criteria)
            .Select(c => c.Metric).Where(m => !MetricCatalog.Names.Contains(m)).Distinct().ToList();
        if (unknown.Count > 0)
            throw new InvalidRubricException([$"The rubric names metrics SpbeOps does not measure: {string.Join(", ", unknown)}."]);
    }
}
