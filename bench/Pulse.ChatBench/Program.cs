using Pulse.ChatBench;

var options = ChatBenchOptions.Parse(args);
using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(options.Warmup + options.Seconds + 600));
var report = await ChatRun.RunAsync(options, cancel.Token);
report.Print(options);
return report.Failed ? 1 : 0;
