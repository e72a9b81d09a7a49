using Microsoft.Playwright;

namespace Pulse.Integration.Tests.Chat;

/// <summary>
/// Web Chat 4.18's parts as its own page objects find them: the transcript, a message by its text (each message's
/// text is in the page up to three times, so the visible bubble is taken), the send box.
/// </summary>
public sealed class WebChatPage(ILocator root)
{
    public ILocator Transcript => root.Locator(".webchat__basic-transcript");

    public ILocator SendBox => root.Locator("[data-id=\"webchat-sendbox-input\"]");

    public ILocator Bubble(string text) => Transcript.Locator(".webchat__bubble__content", new() { HasText = text }).First;

    public ILocator Bubble(System.Text.RegularExpressions.Regex text) => Transcript.Locator(".webchat__bubble__content", new() { HasTextRegex = text }).First;

    /// <summary>The bot's first message (its welcome) is in the transcript: the conversation is open, so what is sent now is sent.</summary>
    public ILocator FirstBotMessage => Transcript.Locator(".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content").First;

    /// <summary>Sends a message and waits until it is in the transcript as the user's.</summary>
    public async Task SayAsync(string text)
    {
        await Assertions.Expect(FirstBotMessage).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await SendBox.FillAsync(text);
        await SendBox.PressAsync("Enter");
        await Assertions.Expect(Transcript.Locator(".webchat__bubble--from-user .webchat__bubble__content", new() { HasText = text }).First).ToBeVisibleAsync();
    }
}
