import { h } from "../app/dom";
import type { Page } from "../app/page";

export const companyPage: Page = {
  mount(root, ctx) {
    root.replaceChildren(h("section", { "data-page": "company" }, h("p", {}, ctx.t("app.loading"))));
    return () => {};
  },
};
