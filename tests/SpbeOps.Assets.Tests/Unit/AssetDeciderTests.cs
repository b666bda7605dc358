using SpbeOps.Assets.Api.Assets;
using SpbeOps.Records;

namespace SpbeOps.Assets.Tests.Unit;

public sealed class AssetDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static Asset At(string stage, DateOnly since) =>
        AssetDecider.Register(Guid.NewGuid(), new AssetRequest("dinkes", "hardware", "PC", Stage: stage, StageSince: since), "tester", Now).Next!;

    private static (Asset Asset, T Event) Accepted<T>(Decision<Asset> decision) where T : RecordEvent<Asset>
    {
        Assert.Null(decision.Rejection);
        return (decision.Next!, Assert.IsType<T>(decision.Change));
    }

    [Theory]
    [InlineData("perencanaan", "pengadaan")]
    [InlineData("pengadaan", "pemanfaatan")]
    [InlineData("pemanfaatan", "penghapusan")]
    public void Each_stage_moves_only_to_the_next(string from, string to)
    {
        Assert.Equal(to, AssetDecider.NextStage(from));
        var done = Accepted<AssetTransitioned>(AssetDecider.Transition(At(from, new(2026, 1, 1)), new TransitionRequest(to, new(2026, 2, 1), null), "tester", Now));
        Assert.Equal(to, done.Asset.Stage);
        Assert.Equal(from, done.Event.From);
        Assert.Equal(2, done.Asset.Lifecycle.Count);
    }

    [Fact]
    public void Penghapusan_is_final()
    {
        Assert.Null(AssetDecider.NextStage("penghapusan"));
        var disposed = Accepted<AssetTransitioned>(
            AssetDecider.Transition(At("pemanfaatan", new(2026, 1, 1)), new TransitionRequest("penghapusan", new(2026, 3, 1), null), "t", Now)).Asset;
        var refused = Assert.IsType<Rejection.Conflict>(AssetDecider.Transition(disposed, new TransitionRequest("pemanfaatan", new(2026, 4, 1), null), "t", Now).Rejection);
        Assert.Equal("lifecycle-order", refused.Rule);
        Assert.IsType<Rejection.Conflict>(AssetDecider.Update(disposed, new AssetRequest("dinkes", "hardware", "PC"), Now).Rejection);
    }

    [Fact]
    public void Transition_dated_before_the_current_stage_or_in_the_future_is_invalid()
    {
        var asset = At("perencanaan", new(2026, 6, 1));
        var before = Assert.IsType<Rejection.Invalid>(AssetDecider.Transition(asset, new TransitionRequest("pengadaan", new(2026, 5, 31), null), "t", Now).Rejection);
        Assert.Contains("on", before.Errors.ToDictionary().Keys);
        Assert.IsType<Rejection.Invalid>(AssetDecider.Transition(asset, new TransitionRequest("pengadaan", new(2026, 11, 28), null), "t", Now).Rejection);
    }

    [Fact]
    public void Registration_cannot_start_at_penghapusan_and_application_needs_its_details()
    {
        var errors = AssetDecider.Validate(new AssetRequest("dinkes", "application", "SIMPUS", Stage: "penghapusan"), registering: true, new(2026, 11, 27));
        Assert.Equivalent(new[] { "application", "stage" }, errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void Update_keeps_the_lifecycle_and_its_event_carries_only_what_changed()
    {
        var asset = At("pemanfaatan", new(2025, 1, 1));
        var updated = Accepted<AssetDetailsUpdated>(AssetDecider.Update(asset, new AssetRequest("dinkes", "hardware", "PC Ruang Server", Location: "Lt. 2"), Now)).Asset;
        Assert.Equal("pemanfaatan", updated.Stage);
        Assert.Equal("Lt. 2", updated.Location);
        Assert.Equal("PC", asset.Name); // the decider never mutates its input
        Assert.Equivalent(new[] { "name", "location" }, RecordChanges.Between(asset, updated).Keys, strict: true);
        var kind = Assert.IsType<Rejection.Invalid>(AssetDecider.Update(asset, new AssetRequest("dinkes", "software", "PC"), Now).Rejection);
        Assert.Contains("kind", kind.Errors.ToDictionary().Keys);
    }

    [Fact]
    public void The_record_is_the_fold_of_its_changes()
    {
        var registered = At("perencanaan", new(2026, 1, 1));
        var moved = Accepted<AssetTransitioned>(AssetDecider.Transition(registered, new TransitionRequest("pengadaan", new(2026, 2, 1), "kontrak"), "t", Now)).Asset;
        var events = new RecordEvent[]
        {
            new AssetRegistered("perencanaan") { Changes = RecordChanges.Between(null, registered) },
            new AssetTransitioned("perencanaan", "pengadaan", new(2026, 2, 1), "kontrak") { Changes = RecordChanges.Between(registered, moved) },
        };
        Asset? state = null;
        for (var i = 0; i < events.Length; i++) state = RecordChanges.Apply(state, events[i], registered.Id, i + 1);

        moved.Version = 2;    // the write path numbers versions; the fold takes them from the stream
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(moved, RecordChanges.Json), System.Text.Json.JsonSerializer.Serialize(state, RecordChanges.Json));
    }
}
