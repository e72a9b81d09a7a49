using System.Text.Json.Nodes;

namespace Pulse.Silo.Tests.Infrastructure;

public static class Expect
{
    public static async Task<JsonNode> StatusAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    /// <summary>Asserts an RFC 9457 validation problem naming <paramref name="item"/> with a reason containing <paramref name="reasonPart"/>.</summary>
    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, int status, string item, string reasonPart = "")
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await StatusAsync(response, status);
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(item), $"Expected an error for '{item}' in {problem.ToJsonString()}");
        Assert.Contains(errors![item]!.AsArray(), r => r!.GetValue<string>().Contains(reasonPart, StringComparison.OrdinalIgnoreCase));
        return problem;
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the deadline passes; for state that settles asynchronously.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Condition not met in time; last value: {value}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
