namespace Pulse.LoadGenerator;

/// <summary>Entry point: parses the command line and runs one mode.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync("Run with --help for usage.");
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(LoadOptions.Usage);
            return 0;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            var report = options.Mode switch
            {
                "http" => await HttpLoad.RunAsync(options, cancel.Token),
                "baseline" => await BaselineLoad.RunAsync(options, cancel.Token),
                _ => throw new ArgumentException($"unknown mode '{options.Mode}'"),
            };
            report.Print(Console.Out);
            return report.Failed ? 1 : 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
    }
}
