namespace Pulse.DashboardBench;

/// <summary>The hub silo's resident memory and live managed heap at one moment (heap null when it could not be read).</summary>
public sealed record MemorySample(long ResidentBytes, long? LiveHeapBytes)
{
    public static async Task<MemorySample?> TakeAsync(int? pid)
    {
        if (pid is not { } id) return null;
        long? heap;
        try
        {
            heap = await GcHeapProbe.LiveHeapBytesAsync(id, TimeSpan.FromSeconds(30));
        }
        catch (Exception ex) when (ex is Microsoft.Diagnostics.NETCore.Client.ServerNotAvailableException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"could not read the silo's GC heap: {ex.Message}");
            heap = null;
        }
        return new MemorySample(new SiloProcess(id).ResidentBytes(), heap);
    }
}
