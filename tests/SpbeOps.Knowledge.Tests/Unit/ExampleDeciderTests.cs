using SpbeOps.Contracts.Knowledge;
using SpbeOps.Records;
using SpbeOps.Knowledge.Api.Examples;

namespace SpbeOps.Knowledge.Tests.Unit;

/// <summary>EXAMPLE: the decider's rules, without I/O. Replace with the service's own.</summary>
public sealed class ExampleDeciderTests
{
    private static readonly ExampleRequest Request = new("dinkes", " Contoh ", "awal");

    private static Example New() => ExampleDecider.Create(Guid.NewGuid(), Request).Next!;

    [Fact]
    public void Create_trims_the_title_and_tells_it_as_created()
    {
        var decision = ExampleDecider.Create(Guid.NewGuid(), Request);
        Assert.Equal("Contoh", decision.Next!.Title);
        Assert.IsType<ExampleCreated>(decision.Change);
    }

    [Fact]
    public void An_invalid_request_names_each_field()
    {
        var refused = Assert.IsType<Rejection.Invalid>(ExampleDecider.Create(Guid.NewGuid(), new ExampleRequest("Dinas Kesehatan", " ")).Rejection);
        Assert.Equivalent(new[] { "opd", "title" }, refused.Errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void Update_leaves_its_input_alone_and_changes_only_what_differs()
    {
        var current = New();
        var next = ExampleDecider.Update(current, Request with { Description = "baru" }).Next!;
        Assert.Equal("awal", current.Description);
        Assert.Equal(["description"], RecordChanges.Between(current, next).Keys);
    }

    [Fact]
    public void Withdrawal_needs_a_reason_and_is_final()
    {
        var current = New();
        Assert.IsType<Rejection.Invalid>(ExampleDecider.Withdraw(current, new WithdrawalRequest(null)).Rejection);
        var withdrawn = ExampleDecider.Withdraw(current, new WithdrawalRequest("selesai")).Next!;
        Assert.True(withdrawn.Withdrawn);
        Assert.Equal(ExampleDecider.FinalRule, Assert.IsType<Rejection.Conflict>(ExampleDecider.Update(withdrawn, Request).Rejection).Rule);
        Assert.IsType<Rejection.Conflict>(ExampleDecider.Withdraw(withdrawn, new WithdrawalRequest("lagi")).Rejection);
    }

    [Fact]
    public void The_record_is_the_fold_of_its_events_and_publishes_its_state()
    {
        var created = New();
        var withdrawn = ExampleDecider.Withdraw(created, new WithdrawalRequest("selesai")).Next!;
        var folded = RecordChanges.Apply(
            RecordChanges.Apply<Example>(null, new ExampleCreated { Changes = RecordChanges.Between(null, created) }, created.Id, 1),
            new ExampleWithdrawn("selesai") { Changes = RecordChanges.Between(created, withdrawn) }, created.Id, 2);
        Assert.Equal(withdrawn with { Version = 2 }, folded);

        var published = Assert.IsType<ExampleChangedIntegrationEvent>(folded.ToIntegrationEvent("kota-contoh"));
        Assert.Equal((created.Id, 2L, true), (published.ExampleId, published.Version, published.Withdrawn));
    }
}
