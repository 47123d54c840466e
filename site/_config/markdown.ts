// Organizer Markdown (entry bodies, accessibility statement fields) rendered to HTML. Raw HTML is off: it
// could smuggle inline styles or scripts past the strict CSP.
import MarkdownIt from "markdown-it";

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

// The same text is rendered several times per build: the footer on every page, an article on its page and in
// the news feed. The HTML is kept for the build in progress only (cleared before each), so a long-running watch
// does not keep old versions.
const rendered = new Map<string, string>();

export function renderMarkdown(source: string | undefined): string {
  const text = source ?? "";
  let html = rendered.get(text);
  if (html === undefined) {
    html = markdown.render(text);
    rendered.set(text, html);
  }
  return html;
}

export default function markdownPlugin(eleventyConfig: any): void {
  eleventyConfig.on("eleventy.before", () => rendered.clear());
  eleventyConfig.addFilter("markdown", renderMarkdown);
}
