using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace Pulse.WebDashboard.App;

/// <summary>
/// The built app as embedded in this assembly (App/wwwroot at build time), with each file's content type. For work
/// on the app, <c>Pulse:Dashboard:AppFolder</c> names a folder to serve instead (the build's output), so a fresh
/// <c>npm run build</c> shows on reload without rebuilding the library.
/// </summary>
public sealed class DashboardFiles
{
    public const string FolderSetting = "Pulse:Dashboard:AppFolder";
    private readonly FileExtensionContentTypeProvider _types = new();

    public DashboardFiles(IConfiguration configuration)
    {
        var folder = configuration[FolderSetting];
        Provider = string.IsNullOrEmpty(folder)
            ? new ManifestEmbeddedFileProvider(typeof(DashboardFiles).Assembly, "App/wwwroot")
            : new PhysicalFileProvider(Path.GetFullPath(folder));
    }

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
