using MassTransit;
using SpbeOps.Contracts.Security;
using SpbeOps.Contracts.ServiceManagement;

namespace SpbeOps.Knowledge.Api.Lessons;

/// <summary>
/// Drafts an article from the lessons of a recovered or closed incident (Security) and of a reviewed change
/// (ServiceManagement), once per source: the article's id comes from the source, so a redelivery, a later state of the
/// same record or an earlier capture by hand (<c>POST …/from-source</c>) finds the draft and writes nothing. The draft
/// waits in the source's OPD for a person to complete it and send it to review; nothing is published here.
/// </summary>
public sealed class LessonsLearnedConsumer(IDocumentStore store, TimeProvider clock)
    : IConsumer<SecurityIncidentChangedIntegrationEvent>, IConsumer<ChangeRequestChangedIntegrationEvent>
{
    public Task Consume(ConsumeContext<SecurityIncidentChangedIntegrationEvent> context) =>
        CaptureAsync(context, context.Message.Instansi, LessonsLearned.FromIncident(context.Message));

    public Task Consume(ConsumeContext<ChangeRequestChangedIntegrationEvent> context) =>
        CaptureAsync(context, context.Message.Instansi, LessonsLearned.FromChange(context.Message));

    private async Task CaptureAsync(ConsumeContext context, string instansi, SourceDraftRequest? draft)
    {
        if (draft is null) return;
        try
        {
            await store.ConsumeOnceAsync(context, nameof(LessonsLearnedConsumer), instansi, async (session, ct) =>
            {
                var decision = ArticleDecider.Capture(instansi, draft, LessonsLearned.Actor);
                // A message the decider refuses would be refused again: straight to the error queue (not retried, decision 11).
                if (decision.Rejection is { } refused) throw new InvalidOperationException($"Lessons of {draft.SourceKind} {draft.SourceId} refused: {refused}");
                if (await session.LoadAsync<Article>(decision.Next!.Id, ct) is not null) return;
                RecordWriter.StageAs<Article>(session, null, decision, LessonsLearned.Actor, clock.GetUtcNow());
            });
        }
        catch (Exception e) when (StoreConflicts.IsWriteClash(e))
        {
            // Another message of the same record (its next state) created the draft at the same moment: it exists, so
            // this one is done; nothing of this transaction was written.
        }
    }
}
