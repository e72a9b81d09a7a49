using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Pulse.Storage;

/// <summary>Registers <see cref="PostgresGrainStorage"/> as a named grain storage, the way Orleans' own providers do.</summary>
public static class PostgresGrainStorageSiloBuilderExtensions
{
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, Action<PostgresGrainStorageOptions> configure) =>
        builder.ConfigureServices(services =>
        {
            services.AddOptions<PostgresGrainStorageOptions>(name).Configure(configure).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresGrainStorageOptions>, PostgresGrainStorageOptionsValidator>());
            services.TryAddEnumerable(ServiceDescriptor.Transient<IPostConfigureOptions<PostgresGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<PostgresGrainStorageOptions>>());
            services.AddGrainStorage(name, static (sp, key) => ActivatorUtilities.CreateInstance<PostgresGrainStorage>(
                sp, key, sp.GetRequiredService<IOptionsMonitor<PostgresGrainStorageOptions>>().Get(key)));
        });
}
