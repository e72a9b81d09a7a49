type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * Creates an element: attributes (on* names become listeners, false/null are left out) and children (strings become
 * text nodes, so nothing from the server is ever parsed as HTML).
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "className") element.className = String(value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Sets an element's text only when it changed, so a live update touches no more of the page than it must. */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/** A progress bar: a track and a fill whose width is the percent (capped at 100 on screen). */
export function progressBar(): { root: HTMLElement; set(percent: number | null): void } {
  const fill = h("span", { className: "bar-fill" });
  const root = h("span", { className: "bar", role: "progressbar", "aria-valuemin": 0, "aria-valuemax": 100 }, fill);
  return {
    root,
    set(percent) {
      const shown = percent === null ? 0 : Math.max(0, Math.min(100, percent));
      fill.style.width = `${shown}%`;
      root.setAttribute("aria-valuenow", String(Math.round(shown)));
      root.classList.toggle("bar-done", percent !== null && percent >= 100);
      root.classList.toggle("bar-low", percent !== null && percent < 60);
    },
  };
}
