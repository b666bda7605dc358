using SpbeOps.Assets.Api.Assets;

namespace SpbeOps.Assets.Tests.Unit;

public sealed class AssetDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static Asset At(string stage, DateOnly since) =>
        AssetDecider.Register(Guid.NewGuid(), new AssetRequest("dinkes", "hardware", "PC", Stage: stage, StageSince: since), "tester", Now);

    [Theory]
    [InlineData("perencanaan", "pengadaan")]
    [InlineData("pengadaan", "pemanfaatan")]
    [InlineData("pemanfaatan", "penghapusan")]
    public void Each_stage_moves_only_to_the_next(string from, string to)
    {
        Assert.Equal(to, AssetDecider.NextStage(from));
        var outcome = AssetDecider.Transition(At(from, new(2026, 1, 1)), new TransitionRequest(to, new(2026, 2, 1), null), "tester", Now);
        var done = Assert.IsType<AssetDecider.Transitioned>(outcome);
        Assert.Equal(to, done.Asset.Stage);
        Assert.Equal(2, done.Asset.Version);
        Assert.Equal(from, done.Event.From);
        Assert.Equal(2, done.Asset.Lifecycle.Count);
    }

    [Fact]
    public void Penghapusan_is_final()
    {
        Assert.Null(AssetDecider.NextStage("penghapusan"));
        var disposed = Assert.IsType<AssetDecider.Transitioned>(
            AssetDecider.Transition(At("pemanfaatan", new(2026, 1, 1)), new TransitionRequest("penghapusan", new(2026, 3, 1), null), "t", Now)).Asset;
        Assert.IsType<AssetDecider.NotAllowed>(AssetDecider.Transition(disposed, new TransitionRequest("pemanfaatan", new(2026, 4, 1), null), "t", Now));
    }

    [Fact]
    public void Transition_dated_before_the_current_stage_or_in_the_future_is_invalid()
    {
        var asset = At("perencanaan", new(2026, 6, 1));
        var before = Assert.IsType<AssetDecider.Invalid>(AssetDecider.Transition(asset, new TransitionRequest("pengadaan", new(2026, 5, 31), null), "t", Now));
        Assert.Contains("on", before.Errors.ToDictionary().Keys);
        Assert.IsType<AssetDecider.Invalid>(AssetDecider.Transition(asset, new TransitionRequest("pengadaan", new(2026, 11, 28), null), "t", Now));
    }

    [Fact]
    public void Registration_cannot_start_at_penghapusan_and_application_needs_its_details()
    {
        var errors = AssetDecider.Validate(new AssetRequest("dinkes", "application", "SIMPUS", Stage: "penghapusan"), registering: true, new(2026, 11, 27));
        Assert.Equivalent(new[] { "application", "stage" }, errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void Update_keeps_the_lifecycle_and_bumps_the_version()
    {
        var asset = At("pemanfaatan", new(2025, 1, 1));
        var updated = AssetDecider.Update(asset, new AssetRequest("dinkes", "hardware", "PC Ruang Server", Location: "Lt. 2"), "t", Now);
        Assert.Equal("pemanfaatan", updated.Stage);
        Assert.Equal("Lt. 2", updated.Location);
        Assert.Equal(2, updated.Version);
        Assert.Equal("PC", asset.Name); // the decider never mutates its input
    }
}
