namespace SpbeOps.Gateway;

/// <summary>
/// <c>/api/...</c> that no service claims is a 404 ProblemDetails of the gateway, never a page of the dashboard (whose
/// catch-all route takes every other path). The services' routes are more specific and win.
/// </summary>
public static class UnknownApi
{
    public static IEndpointRouteBuilder MapUnknownApi(this IEndpointRouteBuilder app)
    {
        app.Map("/api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "Tidak ditemukan / Not found", detail: "Tidak ada API di alamat ini / No API answers this path."))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
