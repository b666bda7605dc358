using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Indicators.Api.Facts;
using SpbeOps.Contracts.Risk;
using SpbeOps.Indicators.Api.Maturity;
using SpbeOps.Messaging;

namespace SpbeOps.Indicators.Tests.Functional;

/// <summary>
/// Facts applied in batches per instansi (issue 8) keep what one-at-a-time consumption guaranteed: a redelivered
/// message and an older version change nothing, whatever the order within or across batches, and the register
/// counts and levels end as if each fact had been applied alone.
/// </summary>
public sealed class FactBatchTests(InfrastructureFixture infrastructure) : IndicatorsApiTest(infrastructure)
{
    public override async Task InitializeAsync() =>
        await Admin().PutAsJsonAsync("/api/maturity/organisation", Organisation("dinkes", "dishub")).ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task A_burst_of_versions_duplicates_and_moves_ends_at_the_latest_version_of_each_record()
    {
        var moving = Guid.NewGuid();
        var stages = new[] { "perencanaan", "pengadaan", "pemanfaatan", "pemanfaatan", "penghapusan" };
        // Five versions of one asset, the last one moving it to dishub and disposing it, published newest first.
        var versions = Enumerable.Range(1, 5)
            .Select(v => Facts.Asset(Instansi, v == 5 ? "dishub" : "dinkes", stages[v - 1], moving, v)).Reverse().ToList();
        var others = Enumerable.Range(0, 40).Select(i => Facts.Asset(Instansi, i % 2 == 0 ? "dinkes" : "dishub", "pemanfaatan")).ToList();
        var duplicate = Guid.NewGuid();

        await Task.WhenAll(versions.Select(m => Factory.Publish(m))
            .Concat(others.Select(m => Factory.Publish(m)))
            .Append(Factory.Publish(others[0] with { Version = 1 }, duplicate))
            .Append(Factory.Publish(others[0] with { Version = 1 }, duplicate)));

        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        await HttpAssertions.Eventually<string?>(async () =>
        {
            await using var session = store.QuerySession(Instansi);
            return await session.Query<AssetFact>().CountAsync() == 41
                   && (await session.LoadAsync<AssetFact>(moving))?.Version == 5 ? "applied" : null;
        }, TimeSpan.FromSeconds(30), "every fact to be applied");

        await using (var session = store.QuerySession(Instansi))
        {
            var fact = await session.LoadAsync<AssetFact>(moving);
            Assert.Equal(("dishub", "penghapusan"), (fact!.Opd, fact.Stage));
            var registers = (await session.Query<AssetRegisterSummary>().ToListAsync()).ToDictionary(r => r.Id);
            Assert.Equal(20, registers["dinkes"].Total);
            Assert.Equal(20, registers["dinkes"].InUseCount);
            Assert.Equal(21, registers["dishub"].Total);
            Assert.Equal(1, registers["dishub"].Count("penghapusan"));
            Assert.DoesNotContain(registers["dishub"].Active, s => s.Id == moving);
        }

        // Both OPD have assets in use, so both are past the level the in-use criterion gates; the instansi too.
        var dinkes = await Indicator(24, "dinkes");
        var dishub = await Indicator(24, "dishub");
        Assert.Equal(dinkes.GetProperty("level").GetInt32(), dishub.GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task A_bad_fact_fails_alone_and_the_rest_of_its_batch_is_applied()
    {
        var batcher = Factory.Services.GetRequiredService<FactBatcher>();
        var good = Enumerable.Range(0, 20)
            .Select(_ => new PendingFact(Guid.NewGuid(), new AssetFact { Id = Guid.NewGuid(), Version = 1, Opd = "dinkes", Stage = "pemanfaatan", Name = "PC" },
                FactKinds.AssetIndicator, "aset"))
            .ToList();
        // A governance record of an indicator the rubric does not have cannot be recalculated.
        var bad = new PendingFact(Guid.NewGuid(), new GovernanceFact { Id = Guid.NewGuid(), Version = 1, Indicator = 99, RecordType = "programme", AllOpd = true },
            99, "bad");

        var all = good.Select(f => batcher.SubmitAsync(Instansi, f, CancellationToken.None)).Append(batcher.SubmitAsync(Instansi, bad, CancellationToken.None)).ToList();
        await Assert.ThrowsAsync<KeyNotFoundException>(() => all[^1]);
        await Task.WhenAll(all.Take(good.Count));

        await using var session = Factory.Services.GetRequiredService<IDocumentStore>().QuerySession(Instansi);
        Assert.Equal(good.Count, await session.Query<AssetFact>().CountAsync());
        Assert.Null(await session.LoadAsync<GovernanceFact>(bad.Fact.Id));
        // A redelivery of a good one (same message, same version) changes nothing.
        await batcher.SubmitAsync(Instansi, good[0], CancellationToken.None);
        Assert.Equal(1, (await session.LoadAsync<AssetFact>(good[0].Fact.Id))!.Version);
        await using var fresh = Factory.Services.GetRequiredService<IDocumentStore>().QuerySession(Instansi);
        Assert.Equal(good.Count, (await fresh.LoadAsync<AssetRegisterSummary>("dinkes"))!.InUseCount);
    }

    [Fact]
    public async Task Risk_registers_are_kept_per_opd_and_period_through_versions_moves_and_withdrawals()
    {
        var year = DateTime.UtcNow.Year;
        RiskChangedIntegrationEvent Risk(Guid id, long version, string opd, bool complete, bool withdrawn = false) =>
            new(Instansi, id, version, opd, year, "negatif", "Keamanan SPBE", 20, null, true, complete, complete, "disetujui", withdrawn, DateTimeOffset.UtcNow);
        var moving = Guid.NewGuid();
        var withdrawn = Guid.NewGuid();
        var others = Enumerable.Range(0, 12).Select(_ => Risk(Guid.NewGuid(), 1, "dinkes", complete: true)).ToList();
        await Task.WhenAll(others.Select(m => Factory.Publish(m))
            .Append(Factory.Publish(Risk(moving, 2, "dishub", complete: true)))          // newest first: v1 must change nothing
            .Append(Factory.Publish(Risk(moving, 1, "dinkes", complete: false)))
            .Append(Factory.Publish(Risk(withdrawn, 1, "dinkes", complete: false))));
        await Factory.Publish(Risk(withdrawn, 2, "dinkes", complete: false, withdrawn: true));

        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        await HttpAssertions.Eventually<string?>(async () =>
        {
            await using var session = store.QuerySession(Instansi);
            return await session.Query<RiskFact>().CountAsync() == 14
                   && (await session.LoadAsync<RiskFact>(withdrawn))?.Version == 2 && (await session.LoadAsync<RiskFact>(moving))?.Version == 2 ? "applied" : null;
        }, TimeSpan.FromSeconds(30), "every risk fact to be applied");

        await using (var session = store.QuerySession(Instansi))
        {
            var registers = (await session.Query<RiskRegisterSummary>().ToListAsync()).ToDictionary(r => r.Opd);
            Assert.Equal((12, 0, 12, 0), (registers["dinkes"].Current, registers["dinkes"].Incomplete, registers["dinkes"].AboveAppetite, registers["dinkes"].Untreated));
            Assert.Equal((1, 0), (registers["dishub"].Current, registers["dishub"].Incomplete));
            Assert.Equal(RiskRegisterSummary.Samples, registers["dinkes"].CompleteSamples.Count);
            Assert.DoesNotContain(registers["dinkes"].CompleteSamples.Concat(registers["dinkes"].IncompleteSamples), s => s.Id == withdrawn || s.Id == moving);
        }

        // Both registers complete and treated: the metrics read the summaries, not the risks.
        var dinkes = await Indicator(21, "dinkes");
        var criteria = dinkes.GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("criteria").EnumerateArray())
            .ToDictionary(c => c.GetProperty("metric").GetString()!, c => c.GetProperty("met").GetBoolean());
        Assert.True(criteria["risk.assessments.complete"]);
        Assert.True(criteria["risk.treatment.decidedAboveAppetite"]);
    }

    [Fact]
    public async Task Risks_stored_before_the_summaries_existed_get_their_registers_at_start_up()
    {
        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        var year = DateTime.UtcNow.Year;
        await using (var session = store.LightweightSession(Instansi))
        {
            session.Store(new KnownTenant { Id = Instansi, LastFactAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }
        await using (var session = store.LightweightSession(Instansi))
        {
            session.Store(Enumerable.Range(0, 3).Select(i => new RiskFact
            {
                Id = Guid.NewGuid(), Version = 1, Opd = "dinkes", PeriodYear = year, Category = "Keamanan SPBE", Besaran = 5,
                AssessmentComplete = i > 0, RiskType = "negatif",
            }).ToArray());
            await session.SaveChangesAsync();
        }

        await ActivatorUtilities.CreateInstance<RiskRegisterBackfill>(Factory.Services).StartAsync(CancellationToken.None);

        await using (var session = store.QuerySession(Instansi))
        {
            var register = await session.LoadAsync<RiskRegisterSummary>(RiskRegisterSummary.IdFor("dinkes", year));
            Assert.Equal((3, 1), (register!.Current, register.Incomplete));
        }
    }
}
