import { h } from "../app/dom";
import type { Page } from "../app/page";

export const mePage: Page = {
  mount(root, ctx) {
    root.replaceChildren(h("section", { "data-page": "me" }, h("p", {}, ctx.t("app.loading"))));
    return () => {};
  },
};
