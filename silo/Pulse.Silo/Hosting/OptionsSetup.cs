namespace Pulse.Silo.Hosting;

public static class OptionsSetup
{
    public static WebApplicationBuilder AddPulseOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PulseOptions>().BindConfiguration(PulseOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Storage != "Postgres" || !string.IsNullOrWhiteSpace(o.PostgresConnectionString), "Pulse:PostgresConnectionString is required when Pulse:Storage is Postgres.")
            .ValidateOnStart();
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Validated where the grains register it (the silo builder), so tests that host grains alone check it too.
        builder.Services.AddOptions<Pulse.Live.LiveFeedOptions>().BindConfiguration(Pulse.Live.LiveFeedOptions.Section);
        builder.Services.AddOptions<Pulse.Webhooks.WebhookOptions>().BindConfiguration(Pulse.Webhooks.WebhookOptions.Section);
        builder.Services.AddOptions<Pulse.Payroll.PayrollOptions>().BindConfiguration(Pulse.Payroll.PayrollOptions.Section);
        builder.Services.AddOptions<Pulse.Chat.ChatUserOptions>().BindConfiguration(Pulse.Chat.ChatUserOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
