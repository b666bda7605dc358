using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Assets.Api.Assets;
using SpbeOps.Records;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.Assets.Tests.Functional;

/// <summary>
/// A large import is staged in several Marten sessions (issue 8: one session's unit of work is O(n²)), and it is still
/// one transaction: a clash in the last part leaves nothing of the earlier parts.
/// </summary>
public sealed class ImportTransactionTests(InfrastructureFixture infrastructure) : AssetsApiTest(infrastructure)
{
    [Fact]
    public async Task A_clash_in_the_last_part_writes_nothing_and_a_clean_run_writes_every_part()
    {
        var store = ((AssetsApiFactory)Factory).Services.GetRequiredService<IDocumentStore>();
        var existing = Id(await Register(Admin(), AssetRequests.Laptop("dinkes")));
        var caller = new Caller(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(SpbeClaims.Role, "diskominfo-admin"), new Claim(SpbeClaims.Instansi, Instansi), new Claim(SpbeClaims.Name, "admin")],
            "test", SpbeClaims.Name, SpbeClaims.Role)));

        List<(Asset?, Decision<Asset>)> Changes(int count) => Enumerable.Range(0, count)
            .Select(i => ((Asset?)null, AssetDecider.Register(Guid.CreateVersion7(),
                new AssetRequest("dinkes", "hardware", $"PC {i}", Stage: "pemanfaatan", StageSince: new(2025, 1, 1)), "import", DateTimeOffset.UtcNow)))
            .ToList();

        // The last row revises the existing asset from a copy whose version is not the stored one (a writer raced it).
        Asset stale;
        await using (var query = store.QuerySession(Instansi))
            stale = (await query.LoadAsync<Asset>(existing))!;
        stale.Version = 5;
        var clashing = Changes(24);
        clashing.Add((stale, AssetDecider.Update(stale, new AssetRequest("dinkes", "hardware", "Laptop lain", Stage: "pemanfaatan", StageSince: new(2025, 1, 1)), DateTimeOffset.UtcNow)));

        await using (var session = store.LightweightSession(Instansi))
        {
            var writer = new RecordWriter(session, caller, TimeProvider.System, new HttpContextAccessor());
            // 25 rows in parts of 10: the clash is in the third part.
            // (Marten reports this stale append as a stream-id collision, which the exception handlers answer; either
            // way the save is refused.)
            var refused = false;
            try
            {
                refused = await writer.SaveManyAsync(clashing, CancellationToken.None, perSession: 10) is not null;
            }
            catch (Marten.Exceptions.ExistingStreamIdCollisionException)
            {
                refused = true;
            }
            Assert.True(refused);
        }
        await using (var query = store.QuerySession(Instansi))
            Assert.Equal(1, await query.Query<Asset>().CountAsync());

        await using (var session = store.LightweightSession(Instansi))
        {
            var writer = new RecordWriter(session, caller, TimeProvider.System, new HttpContextAccessor());
            Assert.Null(await writer.SaveManyAsync(Changes(25), CancellationToken.None, perSession: 10));
        }
        await using (var query = store.QuerySession(Instansi))
        {
            var assets = await query.Query<Asset>().ToListAsync();
            Assert.Equal(26, assets.Count);
            foreach (var asset in assets) Assert.Equal(1, (await query.Events.FetchStreamStateAsync(asset.Id))?.Version);
        }
    }
}
