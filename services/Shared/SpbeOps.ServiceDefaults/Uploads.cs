using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using SpbeOps.ServiceDefaults.Problems;

namespace SpbeOps.ServiceDefaults;

/// <summary>Reads an uploaded file (an XLSX to import) into memory, with a size limit and clear 400s.</summary>
public static class Uploads
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The form around the file may add its boundaries and a few small fields, no more.</summary>
    private static readonly FormOptions Form = new()
    {
        MultipartBodyLengthLimit = MaxBytes + 64 * 1024,
        ValueCountLimit = 64,
        MultipartHeadersCountLimit = 16,
    };

    /// <summary>
    /// Accepts either a multipart form with the file in field <c>file</c> or the raw file as the body.
    /// Returns null when <paramref name="into"/> holds the file, positioned at its start. A body that is not a
    /// readable form (no boundary, a cut or malformed multipart, limits exceeded) is a 400 naming <c>file</c>.
    /// </summary>
    public static async Task<ValidationProblem?> ReadFileAsync(HttpRequest request, MemoryStream into, CancellationToken ct)
    {
        if (request.ContentLength > Form.MultipartBodyLengthLimit) return TooLarge();
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(Form, ct);
                var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
                if (file is null) return Invalid("unggah berkas XLSX pada field 'file' / upload the XLSX as form field 'file'");
                if (file.Length > MaxBytes) return TooLarge();
                await file.CopyToAsync(into, ct);
            }
            else if (!await CopyAtMostAsync(request.Body, into, ct))
            {
                return TooLarge();
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is InvalidDataException or IOException)
        {
            // InvalidDataException: a form the reader cannot parse; IOException: the body ended early or broke a
            // server limit (BadHttpRequestException is one). Either way the upload is what is wrong.
            return e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? TooLarge()
                : Invalid($"formulir multipart tidak dapat dibaca / the multipart form could not be read: {e.Message}");
        }
        if (into.Length == 0) return Invalid("berkas kosong / the file is empty");
        if (into.Length > MaxBytes) return TooLarge();
        into.Position = 0;
        return null;
    }

    /// <summary>Copies the body, stopping (false) as soon as it exceeds <see cref="MaxBytes"/>.</summary>
    private static async Task<bool> CopyAtMostAsync(Stream body, MemoryStream into, CancellationToken ct)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (into.Length + read > MaxBytes) return false;
            await into.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return true;
    }

    private static ValidationProblem Invalid(string reason) => new FieldErrors().Add("file", reason).ToProblem();

    private static ValidationProblem TooLarge() =>
        Invalid($"paling besar {MaxBytes / 1024 / 1024} MB / at most {MaxBytes / 1024 / 1024} MB");
}

/// <summary>
/// Sends a generated file (an XLSX export) without holding it in memory: the writer fills a temporary file that is
/// deleted when closed, and the file is copied to the response body. A writer such as MiniExcel's ZipArchive
/// writes synchronously, which Kestrel's response body refuses; a file also gives the download its length.
/// </summary>
public static class Downloads
{
    public static async Task SendAsync(HttpResponse response, string contentType, string fileName,
        Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"spbeops-{Guid.NewGuid():N}.tmp");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await write(file, ct);
        await file.FlushAsync(ct);
        file.Position = 0;
        response.ContentType = contentType;
        response.ContentLength = file.Length;
        response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName, DispositionType = "attachment" }.ToString();
        await file.CopyToAsync(response.Body, 64 * 1024, ct);
    }
}
