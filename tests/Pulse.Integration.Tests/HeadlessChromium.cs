using System.Diagnostics;

namespace Pulse.Integration.Tests;

/// <summary>The machine's Chromium, headless, for looking at pages as a person's browser would.</summary>
public static class HeadlessChromium
{
    private const string Binary = "/usr/bin/chromium";

    /// <summary>The page's DOM after its scripts ran for <paramref name="budget"/> of virtual time, and what the console said.</summary>
    public static async Task<(string Dom, string Console)> RenderAsync(Uri page, TimeSpan budget, CancellationToken cancellationToken)
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException($"{Binary} is missing: apt-get install chromium");
        var profile = Directory.CreateTempSubdirectory("pulse-chromium-");
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--log-level=0",
            $"--user-data-dir={profile.FullName}", $"--virtual-time-budget={(int)budget.TotalMilliseconds}", "--dump-dom", page.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var dom = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var log = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            try { profile.Delete(recursive: true); } catch (IOException) { }
        }
        var console = string.Join('\n', (await log).Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal)));
        return (await dom, console);
    }
}
