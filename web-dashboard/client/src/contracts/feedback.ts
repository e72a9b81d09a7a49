export type FeedbackKind = "praise" | "improve" | "note";
export type FeedbackReplyKind = "acknowledge" | "object";

export interface FeedbackReply {
  kind: FeedbackReplyKind;
  text: string | null;
  at: string;
}

export interface FeedbackItem {
  id: number;
  employeeId: string;
  author: string;
  kind: FeedbackKind;
  text: string;
  indicatorId: string | null;
  at: string;
  reply: FeedbackReply | null;
}

export interface FeedbackPage {
  items: FeedbackItem[];
  nextCursor: string | null;
}

export interface NewFeedback {
  kind: FeedbackKind;
  text: string;
  indicatorId?: string;
}

export interface NewFeedbackReply {
  kind: FeedbackReplyKind;
  text?: string;
}
