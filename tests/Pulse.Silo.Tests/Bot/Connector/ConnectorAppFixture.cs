using Pulse.Organisation;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.Connector;

/// <summary>
/// A silo whose Bot Connector endpoint trusts the <see cref="ConnectorStandIn"/>, serving a demo tenant in which B002
/// (account b002) is linked to the Teams identity <see cref="LinkedUser"/>, and B003 (account b003) to
/// <see cref="AwayUser"/>, who has not talked to the bot before a test makes them.
/// </summary>
public sealed class ConnectorAppFixture : IAsyncLifetime
{
    public const string AppId = "pulse-bot-app";
    public const string LinkedUser = "29:1abc";
    public const string AwayUser = "29:2def";

    public string TenantId { get; } = "bc" + Guid.NewGuid().ToString("N")[..12];

    public ConnectorStandIn StandIn { get; private set; } = null!;

    public PulseApp App { get; private set; } = null!;

    /// <summary>The tenant's admin and ingestion clients.</summary>
    public TenantClient Tenant { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        StandIn = await ConnectorStandIn.StartAsync();
        App = new PulseApp(Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N")), new Dictionary<string, string>
        {
            ["Pulse:Bot:Connector:AppId"] = AppId,
            ["Pulse:Bot:Connector:AppPassword"] = "secret-" + Guid.NewGuid().ToString("N"),
            ["Pulse:Bot:Connector:TenantId"] = TenantId,
            ["Pulse:Bot:Connector:OpenIdMetadataUrl"] = StandIn.MetadataUrl,
            ["Pulse:Bot:Connector:TokenEndpoint"] = StandIn.TokenEndpoint,
            ["Pulse:Bot:Connector:RequireHttpsMetadata"] = "false",
        });
        var document = DemoCompany.Document(10);
        document = document with
        {
            Employees = [.. document.Employees!.Select(e => e.Id switch
            {
                "B002" => e with { ChatIdentities = ["msteams:" + LinkedUser] },
                "B003" => e with { ChatIdentities = ["msteams:" + AwayUser] },
                _ => e,
            })],
        };
        Tenant = await TenantClient.CreateAsync(App, document, TenantId);
        await Tenant.UserAsync("b002", [Role.Employee], "B002");
        await Tenant.UserAsync("b003", [Role.Employee], "B003");
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await StandIn.DisposeAsync();
        try { Directory.Delete(App.DataDirectory, recursive: true); } catch (IOException) { }
    }
}
