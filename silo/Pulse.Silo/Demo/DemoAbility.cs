namespace Pulse.Silo.Demo;

/// <summary>
/// How good each demo employee is, the same at every start: a factor around 1 (month-end attainment of a paced target;
/// most between 0.7 and 1.3, a few lower) drawn from the employee's id, and each salesperson's share of loans that go bad.
/// </summary>
public sealed class DemoAbility(int seed = 0)
{
    public const decimal Min = 0.4m;
    public const decimal Max = 1.4m;

    /// <summary>The employee's ability factor, normally distributed (mean 1, deviation 0.2) and kept within [0.4, 1.4].</summary>
    public decimal Of(string employeeId)
    {
        var random = RandomFor(employeeId, 1);
        // Box–Muller: two uniforms give one standard normal.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Clamp(Math.Round((decimal)(1 + (0.2 * normal)), 3), Min, Max);
    }

    /// <summary>
    /// The share of a salesperson's loans that default: 0.3–2% for most, 4–7% for the one in ten whose id ends in 7
    /// (the 坏账率 alert fires above 5%, so theirs crosses it now and then).
    /// </summary>
    public decimal DefaultRate(string employeeId)
    {
        var random = RandomFor(employeeId, 2);
        return employeeId.EndsWith('7')
            ? 0.04m + ((decimal)random.NextDouble() * 0.03m)
            : 0.003m + ((decimal)random.NextDouble() * 0.017m);
    }

    // string.GetHashCode differs between processes; this one does not.
    private Random RandomFor(string employeeId, int purpose)
    {
        var hash = 17 + seed;
        foreach (var c in employeeId) hash = unchecked((hash * 31) + c);
        return new Random(unchecked((hash * 31) + purpose));
    }
}
