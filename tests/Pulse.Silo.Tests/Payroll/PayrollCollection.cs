namespace Pulse.Silo.Tests.Payroll;

/// <summary>The payroll tests share one silo and one receiver.</summary>
[CollectionDefinition(Name)]
public sealed class PayrollCollection : ICollectionFixture<PayrollAppFixture>
{
    public const string Name = "payroll";
}
