import { h } from "../../app/dom";
import type { Page } from "../../app/page";

/** Placeholder: the templates page (list and edit KPI templates) replaces this module. */
export const templatesPage: Page = {
  mount(root, ctx) {
    root.replaceChildren(h("section", { className: "notice", "data-page": "templates" }, h("p", {}, ctx.t("templates.placeholder"))));
    return () => {};
  },
};
