using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Pulse.DashboardBench;

/// <summary>
/// The live managed heap of another .NET process: opens an EventPipe session with the runtime's GCHeapCollect keyword,
/// which makes the process run a full blocking collection (as dotnet-gcdump does), and reads the generation sizes the
/// collection reports. Garbage is gone, so two readings differ by what stays alive.
/// </summary>
public static class GcHeapProbe
{
    public static async Task<long?> LiveHeapBytesAsync(int pid, TimeSpan timeout)
    {
        var client = new DiagnosticsClient(pid);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession([new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational, keywords)], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        long? heap = null;
        source.Clr.GCHeapStats += stats =>
        {
            heap = (long)(stats.GenerationSize0 + stats.GenerationSize1 + stats.GenerationSize2 + stats.GenerationSize3 + stats.GenerationSize4);
            source.StopProcessing();
        };
        var processing = Task.Run(source.Process);
        var finished = await Task.WhenAny(processing, Task.Delay(timeout));
        try
        {
            await session.StopAsync(CancellationToken.None);
        }
        catch (ServerNotAvailableException)
        {
        }
        if (finished == processing) await processing;
        return heap;
    }
}
