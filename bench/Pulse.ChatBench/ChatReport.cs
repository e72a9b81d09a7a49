using System.Text.Json;

namespace Pulse.ChatBench;

public sealed record ChatReport(int Conversations, QuestionStats Questions, AlertStats Alerts)
{
    public bool Failed => Questions.Replies == 0 || Questions.Failures.Count > 0 || Alerts.Missed > 0;

    public void Print(ChatBenchOptions options)
    {
        var q = Questions;
        Console.WriteLine($"{Conversations} conversations asking \"{options.Question}\" every ~{options.ThinkMilliseconds} ms for {q.Seconds:F0} s (after {options.Warmup:F0} s warm-up):");
        Console.WriteLine($"  replies {q.Replies} ({q.Replies / q.Seconds:F0}/s)  p50 {q.Latency.P50:F1} ms  p95 {q.Latency.P95:F1} ms  p99 {q.Latency.P99:F1} ms  max {q.Latency.Max:F1} ms  (target p99 <= 100 ms)");
        foreach (var (failure, n) in q.Failures) Console.WriteLine($"  no reply: {n} x {failure}");
        var a = Alerts;
        Console.WriteLine($"alerts: {a.Arrived} arrived, {a.Missed} missed; event posted -> alert in chat p50 {a.Latency.P50:F0} ms  p99 {a.Latency.P99:F0} ms  max {a.Latency.Max:F0} ms  (target <= 1000 ms)");
        if (!options.Json) return;
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(new
        {
            conversations = Conversations,
            replies = q.Replies,
            repliesPerSecond = q.Replies / q.Seconds,
            p50 = q.Latency.P50,
            p95 = q.Latency.P95,
            p99 = q.Latency.P99,
            max = q.Latency.Max,
            failures = q.Failures.Values.Sum(),
            alertsArrived = a.Arrived,
            alertsMissed = a.Missed,
            alertP50 = a.Latency.P50,
            alertP99 = a.Latency.P99,
            alertMax = a.Latency.Max,
        }));
    }
}
