using System.Diagnostics;
using System.Net;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Integration.Tests;

/// <summary>
/// A real silo process, started from the build output as an operator would start it, and killable with SIGKILL.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<SiloProcess> StartAsync(string dataDirectory, IDictionary<string, string>? settings = null)
    {
        var port = FreePort.Next();
        var process = Process.Start(StartInfo(dataDirectory, port, settings)) ?? throw new InvalidOperationException("Could not start the silo.");
        var silo = new SiloProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await silo.DisposeAsync(); // a silo that never became ready must not outlive the test
            throw;
        }

        return silo;
    }

    /// <summary>
    /// Starts a silo that is expected not to start, and returns its exit code and everything it printed once it has
    /// exited. <paramref name="httpPort"/> is its HTTP port (a free one if null); it is killed if it is still running
    /// after <paramref name="within"/>.
    /// </summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Output)> RunUntilExitAsync(
        string dataDirectory, IDictionary<string, string>? settings, int? httpPort, TimeSpan within)
    {
        using var process = Process.Start(StartInfo(dataDirectory, httpPort ?? FreePort.Next(), settings)) ?? throw new InvalidOperationException("Could not start the silo.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"The silo was still running after {within}. Its output:\n{string.Join('\n', output)}");
        }
        process.WaitForExit(); // the parameterless wait also drains the redirected output
        return (process.ExitCode, [.. output]);
    }

    private static ProcessStartInfo StartInfo(string dataDirectory, int port, IDictionary<string, string>? settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiloAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var all = new Dictionary<string, string>
        {
            ["Pulse:DataDirectory"] = dataDirectory,
            ["Pulse:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Pulse:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        foreach (var (key, value) in all) start.ArgumentList.Add($"--{key}={value}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        return start;
    }

    /// <summary>A client presenting an API key token (<c>X-Api-Key</c>).</summary>
    public HttpClient WithKey(string token)
    {
        var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", token);
        return http;
    }

    /// <summary>A client presenting a bearer token.</summary>
    public HttpClient WithBearer(string token)
    {
        var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — the way a machine dies.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The silo exited with code {_process.ExitCode} during start. Its last output:\n{string.Join('\n', _output)}");
            try
            {
                using var response = await http.GetAsync("/openapi/v1.json");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the probe's timeout.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The silo did not start in time.");
    }

    // The last lines the process printed, for the failure message.
    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 60) _output.TryDequeue(out _);
    }

    /// <summary>The silo's own build output, next to this test project's in the repository.</summary>
    private static string SiloAssembly()
    {
        var here = AppContext.BaseDirectory; // …/tests/Pulse.Integration.Tests/bin/{Configuration}/net10.0/
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(here)).Parent!.Name;
        var root = new DirectoryInfo(here);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Actors.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("Cannot find the repository root (Actors.sln) above " + here);
        var path = Path.Combine(root.FullName, "silo", "Pulse.Silo", "bin", configuration, "net10.0", "Pulse.Silo.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the silo first.", path);
    }
}
