// Organizer Markdown (entry bodies, accessibility statement fields) rendered to HTML. Raw HTML is off: it
// could smuggle inline styles or scripts past the strict CSP.
import MarkdownIt from "markdown-it";

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

export function renderMarkdown(source: string | undefined): string {
  return markdown.render(source ?? "");
}

export default function markdownPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("markdown", renderMarkdown);
}
