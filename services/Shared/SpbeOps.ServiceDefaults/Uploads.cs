using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SpbeOps.ServiceDefaults.Problems;

namespace SpbeOps.ServiceDefaults;

/// <summary>Reads an uploaded file (an XLSX to import) into memory, with a size limit and clear 400s.</summary>
public static class Uploads
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Accepts either a multipart form with the file in field <c>file</c> or the raw file as the body.
    /// Returns null when <paramref name="into"/> holds the file, positioned at its start.
    /// </summary>
    public static async Task<ValidationProblem?> ReadFileAsync(HttpRequest request, MemoryStream into, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) return TooLarge();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null) return new FieldErrors().Add("file", "unggah berkas XLSX pada field 'file' / upload the XLSX as form field 'file'").ToProblem();
            if (file.Length > MaxBytes) return TooLarge();
            await file.CopyToAsync(into, ct);
        }
        else
        {
            await request.Body.CopyToAsync(into, ct);
        }
        if (into.Length == 0) return new FieldErrors().Add("file", "berkas kosong / the file is empty").ToProblem();
        if (into.Length > MaxBytes) return TooLarge();
        into.Position = 0;
        return null;
    }

    private static ValidationProblem TooLarge() =>
        new FieldErrors().Add("file", $"paling besar {MaxBytes / 1024 / 1024} MB / at most {MaxBytes / 1024 / 1024} MB").ToProblem();
}
