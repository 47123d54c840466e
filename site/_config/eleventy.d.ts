// Eleventy and its plugins ship JavaScript without type declarations. The configuration API is wide and
// untyped upstream, so it is `any` here on purpose; our own plugin options and data stay typed.
declare module "@11ty/eleventy" {
  const Eleventy: any;
  export default Eleventy;
}
declare module "@11ty/eleventy-img" {
  const Image: {
    (src: string, options: Record<string, unknown>): Promise<Record<string, unknown>>;
    generateHTML(metadata: Record<string, unknown>, attributes: Record<string, string>): string;
  };
  export default Image;
}
declare module "@11ty/eleventy-plugin-rss" {
  const rssPlugin: any;
  export default rssPlugin;
}
