// Labelled inputs for the settings forms: each input names its field path (data-path) and has an error slot
// (data-error-for) where the server's reason for that path is shown.
import { h } from "../../app/dom";
import { errorSlot } from "./common";

let counter = 0;

/** A label over its input and the input's error slot; the input gets an id, its path and aria-describedby. */
export function field(path: string, label: string, input: HTMLInputElement | HTMLSelectElement, className = "rs-field"): HTMLElement {
  counter += 1;
  input.id = `rs-${counter}`;
  input.dataset["path"] = path;
  const slot = errorSlot(path);
  slot.id = `${input.id}-error`;
  input.setAttribute("aria-describedby", slot.id);
  return h("div", { className }, h("label", { for: input.id }, label), input, slot);
}

/** A number input; `optional` ones may stay empty (null), required ones are checked before sending. */
export function numberInput(value: number | null | undefined, onValue: (value: number | null) => void, optional = false): HTMLInputElement {
  const input = h("input", {
    type: "number", step: "any", inputmode: "decimal", value: value === null || value === undefined ? "" : String(value),
    "data-number": optional ? "optional" : "required",
  });
  input.addEventListener("input", () => onValue(input.value.trim() === "" ? null : Number(input.value)));
  return input;
}

/** The error slots under a form, by the path each names; "" is the form's general slot. */
export function slotsOf(form: HTMLElement): Record<string, HTMLElement> {
  const slots: Record<string, HTMLElement> = {};
  for (const slot of form.querySelectorAll<HTMLElement>("[data-error-for]")) slots[slot.dataset["errorFor"] ?? ""] = slot;
  return slots;
}

/**
 * Required numbers that are empty or not numbers, and fractions where a whole number is asked (step 1), by path: the
 * server's JSON reader would refuse the whole body rather than check the field.
 */
export function missingNumbers(form: HTMLElement, reason: string, wholeReason: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const input of form.querySelectorAll<HTMLInputElement>("input[data-number]")) {
    const empty = input.value.trim() === "";
    const value = Number(input.value);
    if ((empty && input.dataset["number"] === "required") || (!empty && !Number.isFinite(value)) || input.validity.badInput) {
      found[input.dataset["path"] ?? ""] = [reason];
    } else if (!empty && input.step === "1" && !Number.isInteger(value)) {
      found[input.dataset["path"] ?? ""] = [wholeReason];
    }
  }
  return found;
}

/** Marks the inputs whose slot shows a reason as invalid (for screen readers and the red border). */
export function markInvalid(form: HTMLElement): void {
  for (const input of form.querySelectorAll<HTMLElement>("[data-path]")) {
    const slot = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(input.dataset["path"] ?? "")}"]`);
    if (slot?.textContent) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
}
