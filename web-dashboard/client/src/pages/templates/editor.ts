// The draft editor: sections, indicators, weights with live sums, event bindings, alert rules. Server errors are
// shown at the field their path names; the ones no field shows go to the summary list the page renders.
import { blankIndicator, blankSection, freshId, indicatorSum, REQUIRED_SUM, sectionSum } from "./draft";
import { formatNumber, h, on } from "./dom";
import { errorElement, numberField, selectField, textField } from "./fields";
import { measureEditor } from "./measureEditor";
import type { AlertRule, Comparator, EventTypeDefinition, Indicator, KpiSection, KpiTemplate, SourceKind } from "./model";
import type { Lang } from "../../i18n";
import type { Strings } from "./strings";

export type FieldErrors = Record<string, string[]>;

export interface EditorHost {
  s: Strings;
  lang: Lang;
  eventTypes: EventTypeDefinition[];
  /** The draft's paths changed (added or removed items): earlier server errors no longer point at the right fields. */
  structureChanged: () => void;
}

export class TemplateEditor {
  readonly element = h("form", { class: "tp-editor", novalidate: true, autocomplete: "off" });
  private errors: FieldErrors = {};
  /** Weights as loaded, by the section or indicator object: a changed weight is where a sum error is shown. */
  private readonly loadedWeights = new WeakMap<object, number>();

  constructor(private readonly host: EditorHost, readonly draft: KpiTemplate, readonly isNew: boolean) {
    for (const section of draft.sections) {
      this.loadedWeights.set(section, section.weight);
      for (const indicator of section.indicators) this.loadedWeights.set(indicator, indicator.weight);
    }
    on(this.element, "submit", e => e.preventDefault());
    this.render();
  }

  /** Shows the server's errors at their fields; returns the ones no field on the form shows. */
  showErrors(errors: FieldErrors): [string, string][] {
    this.errors = { ...errors };
    return this.applyErrors();
  }

  clearErrors(): void {
    this.errors = {};
    this.applyErrors();
  }

  /** Fields the client can tell are wrong before asking the server: numbers that are not numbers. */
  clientErrors(): FieldErrors {
    const found: FieldErrors = {};
    // The id is the address the draft is published to, so a new template cannot be sent without one.
    if (!this.draft.id.trim()) found["template.id"] = [this.host.s.idRequired];
    for (const input of this.element.querySelectorAll<HTMLInputElement>('input[data-number="required"]')) {
      if (input.value.trim() === "" || !Number.isFinite(Number(input.value))) found[input.dataset.path!] = [this.host.s.numberRequired];
    }
    return found;
  }

  private applyErrors(): [string, string][] {
    const shown = new Map<string, string[]>();
    const unplaced: [string, string][] = [];
    const show = (path: string, messages: string[]) => shown.set(path, [...(shown.get(path) ?? []), ...messages]);
    const has = (path: string) => this.element.querySelector(`[data-error-for="${CSS.escape(path)}"]`) !== null;
    for (const [path, messages] of Object.entries(this.errors)) {
      if (!has(path)) { for (const m of messages) unplaced.push([path, m]); continue; }
      show(path, messages);
      // A weight-sum error names the group; the weights the user changed are where they will look for it.
      for (const weightPath of this.changedWeightsOf(path)) show(weightPath, messages);
    }
    for (const element of this.element.querySelectorAll<HTMLElement>("[data-error-for]")) {
      const messages = shown.get(element.dataset.errorFor!);
      element.textContent = messages ? messages.join(" ") : "";
      element.hidden = !messages;
      const input = this.element.querySelector<HTMLElement>(`[data-path="${CSS.escape(element.dataset.errorFor!)}"]`);
      if (messages) input?.setAttribute("aria-invalid", "true"); else input?.removeAttribute("aria-invalid");
    }
    return unplaced;
  }

  private changedWeightsOf(path: string): string[] {
    const group = /^template\.sections(?:\[(\d+)\]\.indicators)?$/.exec(path);
    if (!group) return [];
    const items: (KpiSection | Indicator)[] = group[1] === undefined
      ? this.draft.sections
      : this.draft.sections[Number(group[1])]?.indicators ?? [];
    return items.flatMap((item, i) => this.loadedWeights.get(item) === item.weight ? [] : [`${path}[${i}].weight`]);
  }

  /** A field was edited: its own error is stale, and a sum error goes once the client sees the sum right. */
  private edited(path: string): void {
    let dirty = false;
    if (this.errors[path]) { delete this.errors[path]; dirty = true; }
    const weight = /^(template\.sections(?:\[(\d+)\]\.indicators)?)\[\d+\]\.weight$/.exec(path);
    if (weight) {
      this.updateSums();
      const group = weight[1] ?? "";
      const section = weight[2] === undefined ? undefined : this.draft.sections[Number(weight[2])];
      const sum = weight[2] === undefined ? sectionSum(this.draft) : section ? indicatorSum(section) : Number.NaN;
      if (sum === REQUIRED_SUM && this.errors[group]) { delete this.errors[group]; dirty = true; }
    }
    if (dirty) this.applyErrors();
  }

  private rebuild(): void {
    this.errors = {};
    this.render();
    this.host.structureChanged();
  }

  /** Refreshes every live sum from the draft, red where it is not what the validator requires. */
  updateSums(): void {
    const set = (path: string, sum: number) => {
      const element = this.element.querySelector<HTMLElement>(`[data-sum-for="${CSS.escape(path)}"]`);
      if (!element) return;
      element.querySelector("output")!.textContent = formatNumber(sum, this.host.lang);
      element.classList.toggle("tp-sum-bad", sum !== REQUIRED_SUM);
      element.dataset.sum = String(sum);
    };
    set("template.sections", sectionSum(this.draft));
    this.draft.sections.forEach((section, i) => set(`template.sections[${i}].indicators`, indicatorSum(section)));
  }

  private sumLine(path: string, label: string): HTMLElement {
    return h("div", { class: "tp-sum-line" },
      h("p", { class: "tp-sum", "data-sum-for": path, "aria-live": "polite" },
        `${label}: `, h("output", {}), ` / ${REQUIRED_SUM}`),
      errorElement(path));
  }

  render(): void {
    const { s } = this.host;
    const d = this.draft;
    const changed = (path: string) => this.edited(path);
    const eventType = this.host.eventTypes[0]?.type;
    const sections = h("div", { class: "tp-sections" }, ...d.sections.map((section, i) => this.section(section, i)));
    const addSection = on(h("button", { type: "button", class: "tp-add" }, s.addSection), "click", () => {
      const section = { ...blankSection(1, eventType), id: freshId("section", d.sections.map(x => x.id)) };
      const taken = d.sections.flatMap(x => x.indicators.map(y => y.id));
      for (const indicator of section.indicators) indicator.id = freshId("indicator", taken);
      d.sections.push(section);
      this.rebuild();
    });
    this.element.replaceChildren(
      h("fieldset", { class: "tp-head" },
        h("legend", {}, s.template),
        h("div", { class: "tp-grid" },
          textField("template.id", s.templateId, d.id, v => { d.id = v; }, { readonly: !this.isNew, changed }),
          textField("template.name.zh", s.nameZh, d.name.zh, v => { d.name.zh = v; }, { lang: "zh-CN", changed }),
          textField("template.name.en", s.nameEn, d.name.en ?? "", v => { d.name.en = v; }, { lang: "en", changed })),
        this.sumLine("template.sections", s.sectionWeights)),
      sections,
      addSection);
    this.updateSums();
    this.applyErrors();
  }

  private section(section: KpiSection, i: number): HTMLElement {
    const { s } = this.host;
    const at = `template.sections[${i}]`;
    const changed = (path: string) => this.edited(path);
    const eventType = this.host.eventTypes[0]?.type;
    const taken = () => this.draft.sections.flatMap(x => x.indicators.map(y => y.id));
    return h("fieldset", { class: "tp-section", "data-section": at },
      h("legend", {}, `${s.section} ${i + 1}`, section.name.zh ? ` · ${(this.host.lang === "en" && section.name.en) || section.name.zh}` : ""),
      h("div", { class: "tp-grid" },
        textField(`${at}.id`, s.id, section.id, v => { section.id = v; }, { changed }),
        textField(`${at}.name.zh`, s.nameZh, section.name.zh, v => { section.name.zh = v; }, { lang: "zh-CN", changed }),
        textField(`${at}.name.en`, s.nameEn, section.name.en ?? "", v => { section.name.en = v; }, { lang: "en", changed }),
        numberField(`${at}.weight`, s.sectionWeight, section.weight, v => { section.weight = v ?? Number.NaN; }, { changed })),
      this.sumLine(`${at}.indicators`, s.indicatorWeights),
      h("div", { class: "tp-indicators" }, ...section.indicators.map((indicator, j) => this.indicator(section, indicator, `${at}.indicators[${j}]`))),
      h("div", { class: "tp-actions" },
        on(h("button", { type: "button", class: "tp-add" }, s.addIndicator), "click", () => {
          section.indicators.push({ ...blankIndicator(1, eventType), id: freshId("indicator", taken()) });
          this.rebuild();
        }),
        on(h("button", { type: "button", class: "tp-remove" }, s.removeSection), "click", () => {
          this.draft.sections.splice(i, 1);
          this.rebuild();
        })));
  }

  private indicator(section: KpiSection, indicator: Indicator, at: string): HTMLElement {
    const { s } = this.host;
    const changed = (path: string) => this.edited(path);
    const rated = indicator.source.kind === "rating";
    const scoring = () => (indicator.scoring ??= { capPercent: 120, zeroScoreAt: null });
    const card = h("fieldset", { class: rated ? "tp-indicator tp-rated" : "tp-indicator", "data-indicator": at },
      h("legend", {}, (this.host.lang === "en" && indicator.name.en) || indicator.name.zh || indicator.id || s.indicator),
      h("div", { class: "tp-grid" },
        textField(`${at}.id`, s.id, indicator.id, v => { indicator.id = v; }, { changed }),
        textField(`${at}.name.zh`, s.nameZh, indicator.name.zh, v => { indicator.name.zh = v; }, { lang: "zh-CN", changed }),
        textField(`${at}.name.en`, s.nameEn, indicator.name.en ?? "", v => { indicator.name.en = v; }, { lang: "en", changed }),
        numberField(`${at}.weight`, s.indicatorWeight, indicator.weight, v => { indicator.weight = v ?? Number.NaN; }, { changed }),
        selectField(`${at}.source.kind`, s.source, (["measure", "rating"] as SourceKind[]).map(k => ({ value: k, label: s.sources[k] })), indicator.source.kind, v => {
          const kind = v as SourceKind;
          indicator.source = kind === "rating" ? { kind } : { kind, measure: { kind: "count", eventType: this.host.eventTypes[0]?.type ?? "", multiplier: 1 } };
          if (kind === "rating") { indicator.alerts = []; indicator.direction = "higherIsBetter"; }
          this.rebuild();
        }, { changed }),
        numberField(`${at}.target`, s.target, indicator.target, v => { indicator.target = v ?? Number.NaN; }, { changed }),
        selectField(`${at}.direction`, s.direction, [{ value: "higherIsBetter", label: s.higherIsBetter }, { value: "lowerIsBetter", label: s.lowerIsBetter }],
          indicator.direction, v => { indicator.direction = v as Indicator["direction"]; }, { changed }),
        textField(`${at}.unit`, s.unit, indicator.unit, v => { indicator.unit = v; }, { changed }),
        numberField(`${at}.scoring.capPercent`, s.capPercent, indicator.scoring?.capPercent, v => { scoring().capPercent = v ?? 120; }, { optional: true, placeholder: "120", changed }),
        numberField(`${at}.scoring.zeroScoreAt`, s.zeroScoreAt, indicator.scoring?.zeroScoreAt, v => { scoring().zeroScoreAt = v; }, { optional: true, changed })),
      errorElement(`${at}.source`));
    if (rated) {
      card.append(h("p", { class: "tp-hint" }, s.ratedHint), errorElement(`${at}.source.measure`), errorElement(`${at}.alerts`));
    } else if (indicator.source.measure) {
      card.append(h("h4", {}, s.binding),
        measureEditor({ s, eventTypes: this.host.eventTypes, rebuild: () => this.rebuild(), changed }, `${at}.source.measure`, indicator.source.measure, false),
        this.alerts(indicator, `${at}.alerts`));
    } else {
      card.append(errorElement(`${at}.source.measure`));
    }
    card.append(h("div", { class: "tp-actions" }, on(h("button", { type: "button", class: "tp-remove" }, s.removeIndicator), "click", () => {
      section.indicators.splice(section.indicators.indexOf(indicator), 1);
      this.rebuild();
    })));
    return card;
  }

  private alerts(indicator: Indicator, at: string): HTMLElement {
    const { s } = this.host;
    const changed = (path: string) => this.edited(path);
    const rules = (indicator.alerts ??= []);
    const comparators: Comparator[] = ["greaterThan", "greaterOrEqual", "lessThan", "lessOrEqual"];
    const row = (rule: AlertRule, a: number) => h("div", { class: "tp-alert" },
      h("div", { class: "tp-grid" },
        textField(`${at}[${a}].id`, s.id, rule.id, v => { rule.id = v; }, { changed }),
        selectField(`${at}[${a}].comparator`, s.comparator, comparators.map(c => ({ value: c, label: s.comparators[c] })), rule.comparator,
          v => { rule.comparator = v as Comparator; }, { changed }),
        numberField(`${at}[${a}].threshold`, s.threshold, rule.threshold, v => { rule.threshold = v ?? Number.NaN; }, { changed }),
        numberField(`${at}[${a}].minSamples`, s.minSamples, rule.minSamples, v => { rule.minSamples = v ?? Number.NaN; }, { changed })),
      on(h("button", { type: "button", class: "tp-remove" }, s.removeAlert), "click", () => { rules.splice(a, 1); this.rebuild(); }));
    return h("div", { class: "tp-alerts" },
      h("h4", {}, s.alerts),
      errorElement(at),
      rules.length === 0 ? h("p", { class: "tp-hint" }, s.noAlerts) : null,
      ...rules.map(row),
      on(h("button", { type: "button", class: "tp-add" }, s.addAlert), "click", () => {
        rules.push({ id: freshId("alert", rules.map(r => r.id)), comparator: "greaterThan", threshold: indicator.target, minSamples: 1 });
        this.rebuild();
      }));
  }
}
