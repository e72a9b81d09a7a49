using Pulse.Scoring;

namespace Pulse.Reviews;

internal static class ArchiveChecks
{
    public static void Month(string period)
    {
        if (!Period.IsValid(period))
        {
            throw new ArgumentException($"'{period}' is not a month (yyyy-MM).", nameof(period));
        }
    }
}
