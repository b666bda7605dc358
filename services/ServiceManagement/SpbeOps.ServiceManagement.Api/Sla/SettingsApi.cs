namespace SpbeOps.ServiceManagement.Api.Sla;

/// <summary>The instansi's service-desk settings: calendar with holidays, priority matrix, default SLA targets.</summary>
public static class SettingsApi
{
    public const string Route = "/api/services/settings";

    public static RouteGroupBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapRecordGroup(Route, "Settings");
        api.MapGet("/", async (IQuerySession session, CancellationToken ct) => TypedResults.Ok(await LoadAsync(session, ct)))
            .WithName("GetServiceDeskSettings").WithSummary("Kalender kerja, hari libur, matriks prioritas, target SLA bawaan / Calendar, holidays, priority matrix, default SLA targets");
        api.MapGet("/history", (IQuerySession session, Caller caller, CancellationToken ct) =>
                RecordReads.HistoryAsync<ServiceDeskSettings>(session, ServiceDeskSettings.SettingsId, caller, ct))
            .WithName("GetServiceDeskSettingsHistory").WithSummary("Riwayat pengaturan / Settings history");
        api.MapPut("/", Save).WithName("SaveServiceDeskSettings").WithSummary("Simpan pengaturan (Diskominfo) / Save the settings (Diskominfo)");
        return api;
    }

    /// <summary>The stored settings, or the defaults until Diskominfo saves some.</summary>
    public static async Task<ServiceDeskSettings> LoadAsync(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ServiceDeskSettings>(ServiceDeskSettings.SettingsId, ct) ?? ServiceDeskSettings.Defaults;

    public static async Task<Results<Ok<ServiceDeskSettings>, ValidationProblem, ProblemHttpResult>> Save(
        SettingsRequest request, RecordWriter records, CancellationToken ct)
    {
        if (!records.Caller.IsAdmin) return Problem.Forbidden("Pengaturan layanan diubah oleh Diskominfo / Diskominfo edits the service-desk settings.");
        if (await records.Session.LoadAsync<ServiceDeskSettings>(ServiceDeskSettings.SettingsId, ct) is null)
            return (await records.TryCreateAsync(SettingsDecider.Save(null, request), ct)).AsOk();
        return await records.ChangeAsync<ServiceDeskSettings>(ServiceDeskSettings.SettingsId, current => SettingsDecider.Save(current, request), ct);
    }
}
