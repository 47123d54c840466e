// Progressive enhancement of the idea box (Alpine CSP build: no evaluated expressions, only the component
// registered here and method/property names in the markup). Without JavaScript every form still posts and
// redirects; with it, forms are sent with fetch and the server's own HTML fragment replaces the content in
// place, the result is announced in the live region, and the static snapshot is refreshed from the live list.

const contentSelector = "[data-ideabox-content]";

/** The fragment inside an HTML answer: a fragment answer is the element itself, a full page contains it. */
function fragmentOf(markup: string): { content: Element | null; doc: Document } {
  const doc = new DOMParser().parseFromString(markup, "text/html");
  return { content: doc.querySelector(contentSelector), doc };
}

function withFragmentFormat(url: string): string {
  const target = new URL(url, window.location.href);
  target.searchParams.set("format", "fragment");
  return target.href;
}

/** What to say after a swap: the error summary, else the flash message, else the list heading (its count). */
function messageOf(root: ParentNode): string {
  for (const selector of ["[data-error-summary]", "[data-ideabox-flash]", "[role='alert']", ".ideabox__title"]) {
    const text = root.querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim();
    if (text) return text;
  }
  return "";
}

/**
 * After a redirect the fragment may come from another page than the one in the address bar (a new comment
 * lands on the page of comments, or of replies, that shows it): show that page's address, without the
 * fragment and flash parameters, so reloading or sharing shows what the citizen sees.
 */
function showAddress(url: string): void {
  const shown = new URL(url);
  if (shown.origin !== window.location.origin || shown.pathname.startsWith("/api/")) return;
  shown.searchParams.delete("format");
  shown.searchParams.delete("flash");
  window.history.replaceState(window.history.state, "", shown.pathname + shown.search + shown.hash);
}

/** The form's target. Read as an attribute: `form.action` would be the support form's `<input name="action">`. */
function actionOf(form: HTMLFormElement): string {
  return new URL(form.getAttribute("action") ?? "", window.location.href).href;
}

export interface IdeaboxComponent {
  announcement: string;
  init(): void;
  announce(text: string): void;
  swap(content: Element, focusKey: string | null): void;
  load(url: string, announce: boolean, focusKey?: string | null, init?: RequestInit): Promise<void>;
  onSubmit(event: SubmitEvent): void;
}

/** Alpine's magics, available on `this` inside the component. */
interface AlpineMagics {
  $el: HTMLElement;
  $nextTick(callback: () => void): void;
}

export function ideaboxComponent(): IdeaboxComponent & ThisType<IdeaboxComponent & AlpineMagics> {
  return {
    announcement: "",

    init() {
      // Bound here rather than with `x-on:submit` in the markup: an attribute name with a colon is not valid
      // HTML once prefixed with `data-`. Every form of the module bubbles its submit event up to the root.
      this.$el.addEventListener("submit", (event) => this.onSubmit(event));
      // Only the static snapshot can be stale; function-served pages are already live. A page restored from
      // the back-forward cache is refreshed too, since the citizen may have acted elsewhere meanwhile.
      if (!this.$el.hasAttribute("data-snapshot")) return;
      const refresh = () => void this.load(this.$el.dataset.fragmentUrl ?? "", false);
      refresh();
      window.addEventListener("pageshow", (event) => {
        if (event.persisted) refresh();
      });
    },

    announce(text: string) {
      // Cleared first so that the same message twice is announced twice.
      this.announcement = "";
      this.$nextTick(() => {
        this.announcement = text;
      });
    },

    swap(content: Element, focusKey: string | null) {
      const current = this.$el.querySelector(contentSelector);
      if (!current) return;
      current.replaceWith(content);
      const summary = content.querySelector<HTMLElement>("[data-error-summary]");
      if (summary) {
        summary.focus();
        return;
      }
      // The pressed button was replaced: put focus on its successor (same form action), not on <body>.
      if (focusKey) {
        const form = Array.from(content.querySelectorAll("form")).find((f) => f.getAttribute("action") === focusKey);
        form?.querySelector<HTMLElement>("button, [type='submit']")?.focus();
      }
    },

    async load(url: string, announce: boolean, focusKey: string | null = null, init?: RequestInit) {
      if (!url) return;
      this.$el.setAttribute("aria-busy", "true");
      try {
        const response = await fetch(withFragmentFormat(url), { credentials: "same-origin", headers: { accept: "text/html" }, ...init });
        const markup = await response.text();
        const { content, doc } = fragmentOf(markup);
        if (content) {
          if (response.redirected) showAddress(response.url);
          this.swap(content, focusKey);
          if (announce) this.announce(messageOf(content));
        } else if (response.redirected) {
          // Redirected out of the idea box (to sign in): go there for real.
          window.location.assign(response.url);
        } else if (announce) {
          this.announce(messageOf(doc.body));
        }
      } catch {
        // Offline or blocked: fall back to the plain form post, which works without us.
        if (init?.body instanceof URLSearchParams && focusKey) window.location.reload();
      } finally {
        this.$el.removeAttribute("aria-busy");
      }
    },

    onSubmit(event: SubmitEvent) {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      event.preventDefault();
      const fields = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
      if ((form.getAttribute("method") ?? "get").toLowerCase() === "get") {
        // Sort and filters: the same query against the live fragment.
        const url = new URL(this.$el.dataset.fragmentUrl ?? actionOf(form), window.location.href);
        for (const [name, value] of fields) url.searchParams.set(name, value);
        void this.load(url.href, true);
        return;
      }
      void this.load(actionOf(form), true, form.getAttribute("action"), {
        method: "POST",
        body: fields,
        headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      });
    },
  };
}
