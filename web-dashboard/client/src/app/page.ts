import type { AppContext } from "./context";

/**
 * A page of the app. The shell mounts the page for the current route into `root` and calls the returned function
 * when the route (or the language) changes: the page then stops its timers, hub watches and listeners.
 */
export interface Page {
  mount(root: HTMLElement, ctx: AppContext): () => void;
}
