// Indicator names for a review: from its frozen scorecard, else from the person's current scorecard.
import type { AppContext } from "../../app/context";
import { text } from "../../app/format";
import type { EmployeePerformance } from "../../contracts/performance";
import type { EmployeeReview } from "../../contracts/review";

export async function indicatorNames(ctx: AppContext, review: EmployeeReview): Promise<Map<string, string>> {
  let card: EmployeePerformance | null = review.frozen;
  if (card === null) {
    card = await ctx.api<EmployeePerformance>(`/api/v1/employees/${encodeURIComponent(review.employeeId)}/performance`).catch(() => null);
  }
  const names = new Map<string, string>();
  for (const indicator of card?.sections.flatMap((s) => s.indicators) ?? []) names.set(indicator.id, text(indicator.name, ctx.lang));
  return names;
}
