using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Pulse.WebDashboard.App;

/// <summary>The built app as embedded in this assembly (App/wwwroot at build time), with each file's content type.</summary>
public sealed class DashboardFiles
{
    private readonly FileExtensionContentTypeProvider _types = new();

    public DashboardFiles() => Provider = new ManifestEmbeddedFileProvider(typeof(DashboardFiles).Assembly, "App/wwwroot");

    public IFileProvider Provider { get; }

    /// <summary>The file at <paramref name="path"/> (relative, forward slashes), or null when there is none.</summary>
    public IFileInfo? Find(string path)
    {
        var file = Provider.GetFileInfo(path);
        return file.Exists && !file.IsDirectory ? file : null;
    }

    public string ContentType(string path) =>
        _types.TryGetContentType(path, out var type) ? type : "application/octet-stream";
}
