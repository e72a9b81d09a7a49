namespace Pulse.Scoring;

/// <summary>A weighted mean over whatever was added, so missing items renormalise the weights of the rest.</summary>
internal sealed class WeightedMean
{
    private decimal weighted;
    private decimal weights;

    public void Add(decimal weight, decimal value)
    {
        weighted += weight * value;
        weights += weight;
    }

    public decimal? Value => weights > 0m ? weighted / weights : null;
}
