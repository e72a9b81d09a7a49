// The event binding of a measured indicator: which event type and field it aggregates, and how.
import { h } from "./dom";
import { errorElement, numberField, selectField, textField, type Choice } from "./fields";
import type { EventTypeDefinition, Measure, MeasureKind } from "./model";
import type { Strings } from "./strings";

export interface MeasureHost {
  s: Strings;
  eventTypes: EventTypeDefinition[];
  /** The draft changed in a way that needs the form built again (another kind, another event type). */
  rebuild: () => void;
  changed: (path: string) => void;
}

const withCurrent = (choices: Choice[], current: string | null | undefined): Choice[] =>
  current && !choices.some(c => c.value === current) ? [...choices, { value: current, label: current }] : choices;

/** Sets the measure's kind and drops what that kind takes no part of, so the server sees a coherent measure. */
function setKind(measure: Measure, kind: MeasureKind, firstType: string | undefined): void {
  measure.kind = kind;
  if (kind === "ratio") {
    measure.numerator ??= { kind: "count", eventType: measure.eventType || firstType || "", multiplier: 1 };
    measure.denominator ??= { kind: "count", eventType: measure.eventType || firstType || "", multiplier: 1 };
    measure.eventType = null;
    measure.field = null;
    measure.filter = null;
    if (measure.multiplier === 1) measure.multiplier = 100;
  } else {
    measure.numerator = null;
    measure.denominator = null;
    measure.eventType ||= firstType ?? "";
    if (kind === "count") measure.field = null;
  }
}

export function measureEditor(host: MeasureHost, path: string, measure: Measure, part: boolean): HTMLElement {
  const { s } = host;
  const kinds: MeasureKind[] = part ? ["count", "sum"] : ["count", "sum", "avg", "latest", "ratio"];
  const box = h("div", { class: part ? "tp-measure tp-part" : "tp-measure", "data-measure": path });
  const grid = h("div", { class: "tp-grid" });
  box.append(errorElement(path), grid);
  grid.append(selectField(`${path}.kind`, s.measureKind, kinds.map(k => ({ value: k, label: s.kinds[k] })), measure.kind,
    v => { setKind(measure, v as MeasureKind, host.eventTypes[0]?.type); host.rebuild(); }, { changed: host.changed }));

  if (measure.kind === "ratio") {
    grid.append(numberField(`${path}.multiplier`, s.multiplier, measure.multiplier, v => { measure.multiplier = v ?? Number.NaN; }, { changed: host.changed }));
    box.append(
      h("p", { class: "tp-hint" }, s.ratioHint),
      h("div", { class: "tp-ratio" },
        h("div", {}, h("h5", {}, s.numerator), measureEditor(host, `${path}.numerator`, measure.numerator!, true)),
        h("div", {}, h("h5", {}, s.denominator), measureEditor(host, `${path}.denominator`, measure.denominator!, true))));
    return box;
  }

  const type = host.eventTypes.find(t => t.type === measure.eventType);
  const typeChoices = withCurrent(
    [{ value: "", label: s.choose }, ...host.eventTypes.map(t => ({ value: t.type, label: t.description ? `${t.type} · ${t.description}` : t.type }))],
    measure.eventType);
  grid.append(selectField(`${path}.eventType`, s.eventType, typeChoices, measure.eventType ?? "", v => {
    measure.eventType = v;
    if (measure.field && !type?.fields.some(f => f.name === measure.field)) measure.field = measure.kind === "count" ? null : "";
    host.rebuild();
  }, { changed: host.changed }));

  if (measure.kind !== "count") {
    const numeric = (type?.fields ?? []).filter(f => f.kind === "number").map(f => ({ value: f.name, label: f.name }));
    grid.append(selectField(`${path}.field`, s.field, withCurrent([{ value: "", label: s.choose }, ...numeric], measure.field), measure.field ?? "",
      v => { measure.field = v; }, { changed: host.changed }));
  }

  const filterFields = withCurrent([{ value: "", label: s.noFilter }, ...(type?.fields ?? []).map(f => ({ value: f.name, label: f.name }))], measure.filter?.field);
  grid.append(selectField(`${path}.filter.field`, s.filterField, filterFields, measure.filter?.field ?? "", v => {
    measure.filter = v ? { field: v, equalTo: measure.filter?.equalTo ?? "" } : null;
    host.rebuild();
  }, { changed: host.changed }));
  if (measure.filter) {
    const filter = measure.filter;
    grid.append(textField(`${path}.filter.equalTo`, s.filterEquals, filter.equalTo, v => { filter.equalTo = v; }, { changed: host.changed }));
  }
  if (!part || measure.multiplier !== 1) {
    grid.append(numberField(`${path}.multiplier`, s.multiplier, measure.multiplier, v => { measure.multiplier = v ?? Number.NaN; }, { changed: host.changed }));
  }
  box.append(errorElement(`${path}.filter`));
  return box;
}
