import { h } from "../app/dom";
import type { Page } from "../app/page";

export const departmentPage: Page = {
  mount(root, ctx) {
    root.replaceChildren(h("section", { "data-page": "department" }, h("p", {}, ctx.t("app.loading"))));
    return () => {};
  },
};
