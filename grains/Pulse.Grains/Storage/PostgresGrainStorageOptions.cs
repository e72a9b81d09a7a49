using System.ComponentModel.DataAnnotations;
using Orleans.Storage;

namespace Pulse.Storage;

/// <summary>Settings of one named <see cref="PostgresGrainStorage"/>.</summary>
public sealed class PostgresGrainStorageOptions : IStorageProviderSerializerOptions
{
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>The schema that holds the <c>grain_state</c> table.</summary>
    [Required, RegularExpression("^[a-z_][a-z0-9_]{0,62}$")]
    public string Schema { get; set; } = "pulse";

    /// <summary>Left unset, Orleans fills in the silo's <see cref="IGrainStorageSerializer"/>.</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
