// Eleventy and its plugins ship JavaScript without type declarations. The configuration API is wide and
// untyped upstream, so it is `any` here on purpose; our own plugin options and data stay typed.
declare module "@11ty/eleventy" {
  const Eleventy: any;
  export default Eleventy;
}
declare module "@11ty/eleventy-img" {
  /** One encoded file: `buffer` is set with `dryRun: true`, which writes nothing. */
  export interface ImageFile {
    filename: string;
    buffer?: Buffer;
    [key: string]: unknown;
  }
  /** Encoded files by format. */
  export type ImageMetadata = Record<string, ImageFile[]>;
  const Image: {
    (src: string, options: Record<string, unknown>): Promise<ImageMetadata>;
    generateHTML(metadata: ImageMetadata, attributes: Record<string, string>): string;
  };
  export default Image;
}
declare module "@11ty/eleventy-plugin-rss" {
  const rssPlugin: any;
  export default rssPlugin;
}
