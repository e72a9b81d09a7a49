using Pulse.Silo.Apis;
using Pulse.Silo.Demo;
using Pulse.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPulseOptions();
builder.AddPulseSilo();
builder.AddPulseApi();
builder.AddPulseAuth();
builder.AddPulseDemo();

var app = builder.Build();

app.UsePulseApi();
app.MapPulseApi();

app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
