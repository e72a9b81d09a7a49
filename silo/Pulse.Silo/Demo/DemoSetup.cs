namespace Pulse.Silo.Demo;

public static class DemoSetup
{
    public static WebApplicationBuilder AddPulseDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<DemoRunner>();
        return builder;
    }
}
