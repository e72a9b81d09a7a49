namespace Pulse.Chat;

/// <summary>
/// Who a chat conversation belongs to, as the Direct Line token (or a linked chat identity) binds it: the bot trusts
/// this, never a <c>from.id</c> in an activity.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.chat.user")]
public sealed record ChatUser(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string UserName,
    [property: Id(2)] string? EmployeeId);
