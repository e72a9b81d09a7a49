using Microsoft.AspNetCore.Mvc;
using Pulse.Reviews;
using Pulse.Security;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

/// <summary>
/// The migration import: past months' final results from CSV or XLSX, as a multipart upload (the first file) or as the
/// raw body with its content type. All rows are checked; any error refuses the whole file with a problem whose
/// <c>errors</c> array names each row, column and reason; <c>?dryRun=true</c> checks without writing.
/// </summary>
public static class ReviewImportApi
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapReviewImportApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/reviews/import", ImportAsync).WithTags("Reports")
            .WithSummary("Import past months' results (CSV or XLSX, at most 10 MB and 50,000 rows; ?dryRun=true checks only)")
            .WithDescription("Columns: employeeId, month (yyyy-MM), composite (0–200), grade, then one column per indicator: ind:<indicatorId> or the indicator's Chinese or English name.")
            .Accepts<string>("text/csv", XlsxType, "multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes))
            .DisableAntiforgery()
            .RequirePermission(Permission.ReviewManage);
        return routes;
    }

    private static async Task<IResult> ImportAsync(HttpRequest http, bool? dryRun, PulseRequest request, ReviewImport import, CancellationToken cancellationToken)
    {
        var (content, contentType) = await BodyAsync(http, cancellationToken);
        if (content is null) return Problem.TooLarge($"The file is larger than {MaxBytes / 1024 / 1024} MB.");
        var xlsx = contentType?.StartsWith(XlsxType, StringComparison.OrdinalIgnoreCase) == true;
        if (!xlsx && contentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
            return Problem.Invalid("contentType", $"must be text/csv or {XlsxType}");

        ImportTable? table;
        try
        {
            table = ImportFile.Read(content, xlsx, ReviewImport.MaxRows);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Problem.Invalid("file", xlsx ? "is not a readable XLSX workbook" : "is not readable CSV");
        }

        if (table is null) return Problem.TooLarge($"The file has more than {ReviewImport.MaxRows} rows.");
        var outcome = await import.ImportAsync(request.Context, table, dryRun == true, cancellationToken);
        if (outcome.Forbidden) return Problem.Forbidden("The caller may not see or do this.");
        if (outcome.Summary is { } summary) return TypedResults.Ok(summary);
        return TypedResults.Problem(
            title: "The file is not valid; nothing was imported.",
            detail: $"{outcome.Errors.Count} error(s); each names its row (the header is row 1), column and reason.",
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors });
    }

    /// <summary>The uploaded file in memory (at most <see cref="MaxBytes"/>, seekable for XLSX) and its content type.</summary>
    private static async Task<(MemoryStream? Content, string? ContentType)> BodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        Stream source = http.Body;
        var contentType = http.ContentType;
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(cancellationToken);
            if (form.Files.Count == 0) return (new MemoryStream(), null);
            var file = form.Files[0];
            source = file.OpenReadStream();
            contentType = file.ContentType;
            if (file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) contentType = XlsxType;
            else if (file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) contentType = "text/csv";
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (null, contentType);
            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return (buffer, contentType);
    }
}
