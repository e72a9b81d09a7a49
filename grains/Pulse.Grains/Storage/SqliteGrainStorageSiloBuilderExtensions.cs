using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Pulse.Storage;

/// <summary>Registers <see cref="SqliteGrainStorage"/> as a named grain storage, the way Orleans' own providers do.</summary>
public static class SqliteGrainStorageSiloBuilderExtensions
{
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure) =>
        builder.ConfigureServices(services =>
        {
            services.AddOptions<SqliteGrainStorageOptions>(name).Configure(configure).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteGrainStorageOptions>, SqliteGrainStorageOptionsValidator>());

            // Fills GrainStorageSerializer from the silo's IGrainStorageSerializer when the caller left it unset.
            services.TryAddEnumerable(ServiceDescriptor.Transient<IPostConfigureOptions<SqliteGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<SqliteGrainStorageOptions>>());
            services.AddGrainStorage(name, static (sp, key) => ActivatorUtilities.CreateInstance<SqliteGrainStorage>(
                sp, key, sp.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(key)));
        });
}
