using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SpbeOps.Testing;

public static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Asserts the status, and on failure shows the body, which carries the ProblemDetails that explain it.</summary>
    public static async Task<HttpResponseMessage> ShouldBe(this Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        var response = await call;
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
        return response;
    }

    public static async Task<T> Read<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    public static async Task<JsonElement> ReadJson(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);

    /// <summary>The field names of a 400 ValidationProblem's <c>errors</c> member.</summary>
    public static async Task<IReadOnlyList<string>> FieldErrors(this HttpResponseMessage response)
    {
        var problem = await response.ReadJson();
        return problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Select(p => p.Name).ToList()
            : [];
    }

    /// <summary>Polls until <paramref name="probe"/> returns a value, or fails after <paramref name="timeout"/>.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
