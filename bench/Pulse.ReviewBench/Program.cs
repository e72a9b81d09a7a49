using Pulse.ReviewBench;

var options = ReviewBenchOptions.Parse(args);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
var report = await ReviewRun.RunAsync(options, cancel.Token);
report.Print(options);
return report.Failed ? 1 : 0;
