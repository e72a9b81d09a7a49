// Form fields bound to a field path: each has its own error element, found by data-error-for="<path>".
import { h, idFor, numberOf, on } from "./dom";

export interface FieldOptions {
  /** Called after the draft was changed from this input. */
  changed?: (path: string) => void;
  /** Optional number: an empty input means "not set" rather than an error. */
  optional?: boolean;
  readonly?: boolean;
  wide?: boolean;
  lang?: string;
  /** Shown while the input is empty, e.g. the default an optional number takes. */
  placeholder?: string;
}

export function errorElement(path: string): HTMLElement {
  return h("p", { class: "tp-error", id: idFor(path) + "-error", "data-error-for": path, role: "alert", hidden: true });
}

function wrap(path: string, label: string, input: HTMLElement, options: FieldOptions): HTMLElement {
  input.id = idFor(path);
  input.setAttribute("data-path", path);
  input.setAttribute("aria-describedby", idFor(path) + "-error");
  return h("div", { class: options.wide ? "tp-field tp-wide" : "tp-field" }, h("label", { for: input.id }, label), input, errorElement(path));
}

export function textField(path: string, label: string, value: string, set: (v: string) => void, options: FieldOptions = {}): HTMLElement {
  const input = h("input", { type: "text", value, readonly: options.readonly, lang: options.lang, autocomplete: "off" });
  on(input, "input", () => { set(input.value); options.changed?.(path); });
  return wrap(path, label, input, options);
}

export function numberField(path: string, label: string, value: number | null | undefined, set: (v: number | null) => void, options: FieldOptions = {}): HTMLElement {
  const shown = value === null || value === undefined || Number.isNaN(value) ? "" : String(value);
  const input = h("input", { type: "number", step: "any", inputmode: "decimal", value: shown, "data-number": options.optional ? "optional" : "required", placeholder: options.placeholder });
  on(input, "input", () => {
    const parsed = numberOf(input);
    set(Number.isNaN(parsed) && options.optional ? null : parsed);
    options.changed?.(path);
  });
  return wrap(path, label, input, options);
}

export interface Choice { value: string; label: string }

export function selectField(path: string, label: string, choices: Choice[], value: string, set: (v: string) => void, options: FieldOptions = {}): HTMLElement {
  const select = h("select", {}, ...choices.map(c => h("option", { value: c.value, selected: c.value === value }, c.label)));
  select.value = value;
  on(select, "change", () => { set(select.value); options.changed?.(path); });
  return wrap(path, label, select, options);
}
