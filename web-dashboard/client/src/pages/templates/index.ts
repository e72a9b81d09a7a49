// The Templates page (HR): the templates' latest versions and history; a draft editor with Check (server validation
// shown at each field), a what-if preview against a past month, and Publish.
import type { AppContext } from "../../app/context";
import type { Page } from "../../app/page";
import { routeHash } from "../../app/router";
import { templatesApi, type Outcome } from "./api";
import { blankTemplate, cloneTemplate, forSending, lastMonth } from "./draft";
import { h, on } from "./dom";
import { TemplateEditor, type FieldErrors } from "./editor";
import { templateList } from "./list";
import type { Department, EventTypeDefinition, KpiTemplate } from "./model";
import { fill, stringsFor, type Strings } from "./strings";
import { reason } from "./reasons";
import { previewRows, WhatIfPanel } from "./whatIf";
import "./templates.css";

class TemplatesView {
  private readonly s: Strings;
  private readonly body = h("div", { class: "tp-body" });
  private eventTypes: EventTypeDefinition[] = [];
  private departments: Department[] = [];
  private disposed = false;

  constructor(private readonly root: HTMLElement, private readonly ctx: AppContext) {
    this.s = stringsFor(ctx.lang);
    root.replaceChildren(h("div", { class: "tp-page" }, h("h2", {}, this.s.title), h("p", { class: "tp-hint" }, this.s.intro), this.body));
  }

  dispose(): void {
    this.disposed = true;
    this.root.replaceChildren();
  }

  /** Loads the templates and what the editor offers (event types, departments), then shows the list or one template. */
  async start(templateId: string | undefined): Promise<void> {
    const { s } = this;
    this.body.replaceChildren(h("p", {}, s.loading));
    const [list, types, departments] = await Promise.all([
      templatesApi.list(this.ctx), templatesApi.eventTypes(this.ctx), templatesApi.departments(this.ctx)]);
    if (this.disposed) return;
    if (!list.ok) {
      this.body.replaceChildren(h("p", { class: "tp-error", role: "alert" }, list.status === 403 ? s.forbidden : `${s.loadFailed} ${list.detail}`));
      return;
    }
    if (types.ok) this.eventTypes = types.value;
    if (departments.ok) this.departments = departments.value;
    const chosen = templateId === undefined ? undefined : list.value.find(t => t.id === templateId);
    if (chosen) { this.openEditor(chosen); return; }
    this.body.replaceChildren(
      templateId === undefined ? "" : h("p", { class: "tp-error", role: "alert" }, fill(s.notFound, { id: templateId })),
      templateList({ ctx: this.ctx, s, lang: this.ctx.lang, edit: id => this.ctx.navigate(routeHash("templates", id)), open: t => this.openEditor(t) }, list.value));
  }

  private openEditor(template: KpiTemplate | null, message?: string): void {
    const { s, ctx } = this;
    const draft = template ? cloneTemplate(template) : blankTemplate(this.eventTypes[0]?.type);
    const status = h("p", { class: "tp-status", role: "status", "aria-live": "polite" }, message ?? "");
    const summary = h("div", { class: "tp-summary", hidden: true });
    const editor = new TemplateEditor({
      s, lang: ctx.lang, eventTypes: this.eventTypes,
      structureChanged: () => { summary.hidden = true; say(s.structureChanged); },
    }, draft, template === null);
    const whatIf = new WhatIfPanel(s, ctx.lang, lastMonth(new Date()), this.departments);
    const say = (text: string, tone: "ok" | "bad" | "" = "") => { status.textContent = text; status.className = `tp-status ${tone ? `tp-${tone}` : ""}`; };

    /** Puts each error at its field; what no field shows goes to the summary list. */
    const showProblems = (errors: FieldErrors) => {
      const templateErrors = Object.fromEntries(Object.entries(errors).filter(([path]) => path === "template" || path.startsWith("template.")));
      const requestErrors = Object.fromEntries(Object.entries(errors).filter(([path]) => !(path in templateErrors)));
      const unplaced = editor.showErrors(templateErrors);
      whatIf.showErrors(requestErrors);
      for (const [path, messages] of Object.entries(requestErrors)) {
        if (path !== "period" && path !== "departmentId") for (const m of messages) unplaced.push([path, m]);
      }
      summary.hidden = unplaced.length === 0;
      summary.replaceChildren(h("h4", {}, s.otherProblems), h("ul", {}, ...unplaced.map(([path, m]) => h("li", {}, h("code", {}, path), ` ${m}`))));
    };
    const problemCount = (errors: FieldErrors) => Object.values(errors).reduce((n, m) => n + m.length, 0);

    /** False (and the fields marked) when some number cannot be sent. */
    const numbersReady = () => {
      const local = editor.clientErrors();
      if (Object.keys(local).length === 0) return true;
      showProblems(local);
      say(s.fixNumbers, "bad");
      return false;
    };

    const failed = <T>(outcome: Outcome<T> & { ok: false }) => {
      if (Object.keys(outcome.errors).length > 0) {
        showProblems(Object.fromEntries(Object.entries(outcome.errors).map(([path, messages]) => [path, messages.map(m => reason(m, ctx.lang))])));
        say(fill(s.invalid, { count: problemCount(outcome.errors) }), "bad");
      } else {
        say(fill(s.requestFailed, { reason: outcome.detail }), "bad");
      }
    };

    const check = async () => {
      if (!numbersReady()) return;
      say(s.checking);
      const outcome = await templatesApi.validate(ctx, forSending(draft));
      if (this.disposed) return;
      if (outcome.ok) { showProblems({}); say(s.valid, "ok"); } else failed(outcome);
    };

    const preview = async () => {
      if (!numbersReady()) return;
      whatIf.busy();
      const period = whatIf.period.value;
      const outcome = await previewRows(ctx, forSending(draft), period, whatIf.department.value || null);
      if (this.disposed) return;
      if (outcome.ok) { showProblems({}); say(""); whatIf.show(outcome.value, period); } else { whatIf.clear(); failed(outcome); }
    };

    const publish = async () => {
      if (!numbersReady()) return;
      if (!window.confirm(fill(s.confirmPublish, { id: draft.id }))) return;
      say(s.publishing);
      const outcome = await templatesApi.publish(ctx, forSending(draft));
      if (this.disposed) return;
      if (!outcome.ok) { failed(outcome); return; }
      const versions = await templatesApi.versions(ctx, draft.id);
      if (this.disposed) return;
      const latest = versions.ok ? versions.value[versions.value.length - 1] : null;
      const text = fill(s.published, { id: draft.id, version: latest?.version ?? "?", recomputed: outcome.value.recomputed });
      if (latest) this.openEditor(latest, text); else say(text, "ok");
    };

    const button = (label: string, action: () => Promise<void>, cls = "") => {
      const b = h("button", { type: "button", class: cls }, label);
      return on(b, "click", async () => {
        b.disabled = true;
        try { await action(); } finally { b.disabled = false; }
      });
    };

    this.body.replaceChildren(
      h("div", { class: "tp-editor-head" },
        on(h("button", { type: "button", class: "link" }, s.back), "click", () => this.ctx.navigate(routeHash("templates"))),
        h("h3", {}, template ? fill(s.editingDraft, { version: template.version ?? 0 }) : s.editingNew),
        h("p", { class: "tp-hint" }, s.draftNote)),
      editor.element,
      // Checking, previewing and publishing are HR's; an admin reads the templates.
      this.ctx.me.roles.includes("hr")
        ? h("div", { class: "tp-bar" },
          button(s.check, check, "tp-check"),
          button(s.preview, preview, "tp-preview"),
          button(s.publish, publish, "primary tp-publish"),
          status)
        : h("p", { class: "tp-hint" }, s.readOnly),
      summary,
      whatIf.element);
    if (message) say(message, "ok");
  }
}

export const templatesPage: Page = {
  mount(root: HTMLElement, ctx: AppContext): () => void {
    const view = new TemplatesView(root, ctx);
    void view.start(ctx.route.id);
    return () => view.dispose();
  },
};
