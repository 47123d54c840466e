// Eleventy and its plugins ship JavaScript without type declarations. The configuration API is wide and
// untyped upstream, so it is `any` here on purpose; our own plugin options and data stay typed.
declare module "@11ty/eleventy" {
  const Eleventy: any;
  export default Eleventy;
}
declare module "@11ty/eleventy-img" {
  export const eleventyImageTransformPlugin: any;
}
declare module "@11ty/eleventy-plugin-rss" {
  const rssPlugin: any;
  export default rssPlugin;
}
