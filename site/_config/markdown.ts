// Organizer Markdown (entry bodies, accessibility statement fields) rendered to HTML. Raw HTML is off: it
// could smuggle inline styles or scripts past the strict CSP.
import MarkdownIt from "markdown-it";

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

// The footer text and other short settings are rendered on every page: remember them. Entry bodies are long
// and rendered once each, so they are not kept.
const rendered = new Map<string, string>();
const memoLimit = 2_000;

export function renderMarkdown(source: string | undefined): string {
  const text = source ?? "";
  if (text.length > memoLimit) return markdown.render(text);
  let html = rendered.get(text);
  if (html === undefined) {
    html = markdown.render(text);
    rendered.set(text, html);
  }
  return html;
}

export default function markdownPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("markdown", renderMarkdown);
}
