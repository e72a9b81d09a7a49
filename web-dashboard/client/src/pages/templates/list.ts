// The list of templates (latest versions) with each one's version history on demand.
import type { AppContext } from "../../app/context";
import type { Lang } from "../../i18n";
import { templatesApi } from "./api";
import { h, on } from "./dom";
import type { KpiTemplate } from "./model";
import { fill, type Strings } from "./strings";

export interface ListHost {
  ctx: AppContext;
  s: Strings;
  lang: Lang;
  /** Edit a template's latest version (it has its own address, #/templates/{id}). */
  edit: (templateId: string) => void;
  /** Edit from an older version, or a new template (null), in place. */
  open: (template: KpiTemplate | null) => void;
}

const nameOf = (t: KpiTemplate, lang: string) => (lang.startsWith("en") && t.name.en) || t.name.zh || t.id;

function when(value: string | null | undefined, lang: string): string {
  return value ? new Date(value).toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" }) : "—";
}

export function templateList(host: ListHost, templates: KpiTemplate[]): HTMLElement {
  const { s, lang } = host;
  const rows = h("tbody", {});
  for (const template of [...templates].sort((a, b) => a.id.localeCompare(b.id))) {
    const history = h("tr", { class: "tp-history", hidden: true }, h("td", { colspan: 6 }));
    const toggle = h("button", { type: "button", "aria-expanded": "false" }, s.history);
    on(toggle, "click", async () => {
      const open = history.hidden;
      history.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? s.hideHistory : s.history;
      if (open) await showHistory(host, template.id, history.firstElementChild as HTMLElement);
    });
    rows.append(
      h("tr", { "data-template": template.id },
        h("th", { scope: "row" }, nameOf(template, lang), h("span", { class: "tp-id" }, template.id)),
        h("td", { "data-label": s.colVersion }, String(template.version ?? "")),
        h("td", { "data-label": s.colEffective }, template.effectiveFrom ?? "—"),
        h("td", { "data-label": s.colPublished }, when(template.publishedAt, lang)),
        h("td", { "data-label": s.colSections }, template.sections.map(x => (lang.startsWith("en") && x.name.en) || x.name.zh).join(" · ")),
        h("td", { class: "tp-row-actions" }, on(h("button", { type: "button", class: "primary tp-edit" }, s.edit), "click", () => host.edit(template.id)), toggle)),
      history);
  }
  return h("div", { class: "tp-list" },
    h("div", { class: "tp-actions" }, on(h("button", { type: "button" }, s.newTemplate), "click", () => host.open(null))),
    templates.length === 0 ? h("p", {}, s.none) : h("div", { class: "tp-table-wrap" },
      h("table", { class: "tp-table tp-templates" },
        h("thead", {}, h("tr", {}, ...[s.colTemplate, s.colVersion, s.colEffective, s.colPublished, s.colSections, ""].map(c => h("th", { scope: "col" }, c)))),
        rows)));
}

async function showHistory(host: ListHost, id: string, cell: HTMLElement): Promise<void> {
  const { s, lang } = host;
  cell.replaceChildren(h("p", {}, s.loading));
  const versions = await templatesApi.versions(host.ctx, id);
  if (!versions.ok) { cell.replaceChildren(h("p", { class: "tp-error" }, fill(s.requestFailed, { reason: versions.detail }))); return; }
  cell.replaceChildren(h("ol", { class: "tp-versions", reversed: true },
    ...[...versions.value].reverse().map(v => h("li", { "data-version": v.version ?? 0 },
      `${s.colVersion} ${v.version} · ${v.effectiveFrom ?? "—"} · ${when(v.publishedAt, lang)} · ${nameOf(v, lang)} `,
      on(h("button", { type: "button" }, s.openVersion), "click", () => host.open(v))))));
}
