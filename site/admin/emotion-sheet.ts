// Stand-in for @emotion/sheet, swapped in by build.ts. Emotion (Decap's CSS-in-JS) writes its rules into
// <style> elements, which the admin CSP (style-src 'self', no 'unsafe-inline') blocks. Constructable
// stylesheets adopted by the document are CSSOM, outside style-src, so the same rules apply with the strict
// policy. Same public surface as @emotion/sheet 1.4 (used by @emotion/cache and @emotion/react's Global).

interface Options {
  key: string;
  nonce?: string;
  container?: Node;
  speedy?: boolean;
  prepend?: boolean;
  insertionPoint?: Node;
}

export class StyleSheet {
  isSpeedy = true;
  /** Emotion reads `tags` to order global styles; here each entry is an adopted stylesheet. */
  tags: CSSStyleSheet[] = [];
  ctr = 0;
  key: string;
  nonce: string | undefined;
  container: Node | undefined;
  prepend: boolean | undefined;
  insertionPoint: Node | undefined;
  /** Set by Global to the sheet its styles must precede. */
  before: unknown = null;

  constructor(options: Options) {
    this.key = options.key;
    this.nonce = options.nonce;
    this.container = options.container;
    this.prepend = options.prepend;
    this.insertionPoint = options.insertionPoint;
  }

  /** Server-rendered <style> tags to take over: the admin renders only in the browser, so there are none. */
  hydrate(_nodes: Element[]): void {}

  insert(rule: string): void {
    let sheet = this.tags[0];
    if (!sheet) {
      sheet = new CSSStyleSheet();
      this.tags.push(sheet);
      this.adopt(sheet);
    }
    try {
      sheet.insertRule(rule, sheet.cssRules.length);
    } catch {
      // Like @emotion/sheet: a rule this browser does not understand (a vendor prefix) is dropped.
    }
    this.ctr++;
  }

  flush(): void {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => !this.tags.includes(sheet));
    this.tags = [];
    this.ctr = 0;
  }

  private adopt(sheet: CSSStyleSheet): void {
    const sheets = [...document.adoptedStyleSheets];
    const at = this.prepend ? 0 : sheets.indexOf(this.before as CSSStyleSheet);
    if (at >= 0) sheets.splice(at, 0, sheet);
    else sheets.push(sheet);
    document.adoptedStyleSheets = sheets;
  }
}
