using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Microsoft.Extensions.Options;

namespace Pulse.Tests.Storage;

/// <summary>What every grain storage of Pulse must do, run against each real store.</summary>
public abstract class GrainStorageContractTests
{
    protected static readonly GrainId Grain = GrainId.Create("tenant", "acme");

    public sealed class Counter
    {
        public int Value { get; set; }

        public string Name { get; set; } = "";
    }

    /// <summary>A new instance on the same underlying store each call.</summary>
    protected abstract IGrainStorage Open();

    protected static IActivatorProvider Activators() => new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>();

    protected static IGrainStorageSerializer Serializer() => new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));

    [Fact]
    public async Task Written_state_reads_back_in_a_new_instance_and_clear_removes_it()
    {
        var storage = Open();
        var state = new GrainState<Counter>(new Counter { Value = 7, Name = "Åsa" });

        await storage.WriteStateAsync("org", Grain, state);
        var read = new GrainState<Counter>(new Counter());
        await Open().ReadStateAsync("org", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal((7, "Åsa"), (read.State!.Value, read.State!.Name));

        await storage.ClearStateAsync("org", Grain, read);
        var afterClear = new GrainState<Counter>(new Counter());
        await storage.ReadStateAsync("org", Grain, afterClear);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.False(afterClear.RecordExists);
        Assert.Null(afterClear.ETag);
    }

    [Fact]
    public async Task A_missing_record_reads_as_absent()
    {
        var state = new GrainState<Counter>(new Counter { Value = 1 });

        await Open().ReadStateAsync("org", GrainId.Create("tenant", "nobody"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(1, state.State!.Value);
    }

    [Fact]
    public async Task Writing_with_a_stale_etag_is_refused_and_keeps_the_newer_state()
    {
        var storage = Open();
        var first = new GrainState<Counter>(new Counter { Value = 1 });
        await storage.WriteStateAsync("org", Grain, first);
        var stale = new GrainState<Counter>(new Counter { Value = 99 }) { ETag = first.ETag };
        first.State!.Value = 2;
        await storage.WriteStateAsync("org", Grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("org", Grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("org", Grain, stale));
        var fresh = new GrainState<Counter>(new Counter()) { ETag = null };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("org", Grain, fresh));

        var read = new GrainState<Counter>(new Counter());
        await storage.ReadStateAsync("org", Grain, read);
        Assert.Equal(2, read.State!.Value);
    }

    [Fact]
    public async Task State_names_and_grains_are_kept_apart()
    {
        var storage = Open();
        await storage.WriteStateAsync("org", Grain, new GrainState<Counter>(new Counter { Value = 1 }));
        await storage.WriteStateAsync("snapshot", Grain, new GrainState<Counter>(new Counter { Value = 2 }));
        await storage.WriteStateAsync("org", GrainId.Create("tenant", "other"), new GrainState<Counter>(new Counter { Value = 3 }));

        var read = new GrainState<Counter>(new Counter());
        await storage.ReadStateAsync("snapshot", Grain, read);

        Assert.Equal(2, read.State!.Value);
    }
}
