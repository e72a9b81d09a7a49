// Helpers for this page's forms, on top of the app's element builder.
import { h } from "../../app/dom";
import { number } from "../../app/format";
import type { Lang } from "../../i18n";

export { h };

/** Adds a listener and returns the element, for building forms in one expression. */
export function on<E extends HTMLElement>(element: E, type: string, listener: (event: Event) => void): E {
  element.addEventListener(type, listener);
  return element;
}

/** An id usable in the DOM for a field path such as template.sections[0].indicators[1].weight. */
export function idFor(path: string): string {
  return "f-" + path.replace(/[^A-Za-z0-9_-]/g, "_");
}

/** Parses a number input; NaN when empty or not a number. */
export function numberOf(input: HTMLInputElement): number {
  return input.value.trim() === "" ? Number.NaN : Number(input.value);
}

export function formatNumber(value: number | null | undefined, lang: Lang): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : number(value, lang);
}
