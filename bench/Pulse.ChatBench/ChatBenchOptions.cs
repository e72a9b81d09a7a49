namespace Pulse.ChatBench;

/// <summary>What one chat bench run does; every value has a default and a command-line switch.</summary>
public sealed class ChatBenchOptions
{
    public Uri? Url { get; set; }
    public string? OperatorKey { get; set; } = Environment.GetEnvironmentVariable("PULSE_OPERATOR_KEY");
    public string Tenant { get; set; } = "chat" + Guid.NewGuid().ToString("N")[..8];
    public int Employees { get; set; } = 200;
    public int Conversations { get; set; } = 200;
    public double Seconds { get; set; } = 30;
    public double Warmup { get; set; } = 5;

    /// <summary>Mean pause between a reply and the conversation's next question (each pause is 0.5–1.5 times this).</summary>
    public int ThinkMilliseconds { get; set; } = 1000;

    /// <summary>Conversations (of business staff) that get a threshold-breaching event after the question phase.</summary>
    public int Alerts { get; set; } = 20;

    public string Question { get; set; } = "我的进度";
    public bool Json { get; set; }

    public static ChatBenchOptions Parse(string[] args)
    {
        var o = new ChatBenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--url": o.Url = new Uri(Next()); break;
                case "--tenant": o.Tenant = Next(); break;
                case "--employees": o.Employees = int.Parse(Next()); break;
                case "--conversations": o.Conversations = int.Parse(Next()); break;
                case "--seconds": o.Seconds = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--warmup": o.Warmup = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--think-ms": o.ThinkMilliseconds = int.Parse(Next()); break;
                case "--alerts": o.Alerts = int.Parse(Next()); break;
                case "--question": o.Question = Next(); break;
                case "--json": o.Json = true; break;
                case "--help":
                    Console.WriteLine("""
                        Pulse chat bench: reply latency of the bot over Direct Line with many concurrent conversations, and
                        alert-to-chat latency. Needs a running silo and PULSE_OPERATOR_KEY (bench/chat.sh does both).
                          --url URL            the silo (required)
                          --conversations N    concurrent conversations, one employee account each (200)
                          --employees N        size of the seed company created for the run (200)
                          --seconds S          measured seconds (30) after --warmup S (5)
                          --think-ms MS        mean pause between a reply and the next question (1000)
                          --question TEXT      what each conversation asks ("我的进度")
                          --alerts N           conversations that then get a threshold breach, timed to the alert (20)
                          --json               also print one RESULT {json} line
                        Latency: POST of the question -> the reply (replyToId = the echo's id) on the conversation's WebSocket.
                        """);
                    Environment.Exit(0);
                    break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (o.Url is null) throw new ArgumentException("--url is required");
        if (string.IsNullOrEmpty(o.OperatorKey)) throw new ArgumentException("PULSE_OPERATOR_KEY must be set");
        if (o.Conversations > o.Employees) throw new ArgumentException("--conversations cannot exceed --employees (one account per employee)");
        return o;
    }
}
