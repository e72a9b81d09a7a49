/**
 * Web Chat's look in the app's colours (styles/app.css): the accent for the user's bubbles and the buttons, the
 * header's dark grey for the bot's avatar, the app's font. Suggested actions keep Web Chat's one-row carousel, which
 * leaves room for the transcript on a phone. The upload button is hidden: the channel takes no files.
 */
export function styleOptions(userName: string): Record<string, unknown> {
  const accent = "#2563eb";
  return {
    accent,
    backgroundColor: "#f5f6f8",
    primaryFont: 'system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
    botAvatarInitials: "P",
    botAvatarBackgroundColor: "#111827",
    userAvatarInitials: initials(userName),
    userAvatarBackgroundColor: accent,
    bubbleBackground: "#fff",
    bubbleBorderColor: "#e3e6eb",
    bubbleBorderRadius: 10,
    bubbleFromUserBackground: accent,
    bubbleFromUserTextColor: "#fff",
    bubbleFromUserBorderColor: accent,
    bubbleFromUserBorderRadius: 10,
    sendBoxButtonColor: accent,
    suggestedActionBorderColor: accent,
    suggestedActionTextColor: accent,
    suggestedActionBorderRadius: 6,
    hideUploadButton: true,
  };
}

function initials(name: string): string {
  return [...name].slice(0, 2).join("").toUpperCase();
}
