using Pulse.Bot;
using Pulse.Silo.Apis;
using Pulse.Silo.Demo;
using Pulse.Silo.Hosting;
using Pulse.WebDashboard;

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddPulseOptions();
    builder.AddPulseSilo();
    builder.AddPulseApi();
    builder.AddPulseAuth();
    builder.AddPulseDemo();
    builder.Services.AddDashboard();
    builder.Services.AddBot();

    var app = builder.Build();

    app.UsePulseApi();
    app.MapPulseApi();
    app.MapDashboard();
    app.MapBot();

    app.Run();
    return 0;
}
catch (Exception e) when (StartupFailure.Describe(e) is { } reason)
{
    // A data folder or port already in use: one line to act on, not a stack trace.
    Console.Error.WriteLine(reason);
    return 1;
}

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
