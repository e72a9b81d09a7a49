using System.ComponentModel.DataAnnotations;
using Orleans.Storage;

namespace Pulse.Storage;

/// <summary>Settings of one named <see cref="SqliteGrainStorage"/>.</summary>
public sealed class SqliteGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>The database file; its directory is created if missing.</summary>
    [Required]
    public string Path { get; set; } = "data/grains.db";

    /// <summary>Left unset, Orleans fills in the silo's <see cref="IGrainStorageSerializer"/>.</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
