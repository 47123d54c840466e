// Organizer images (content/media, referenced as /media/… by Decap) become responsive AVIF/WebP <picture>s
// with width and height, so pages do not shift while loading. The eleventy-img HTML transform does the work
// (https://www.11ty.dev/docs/plugins/image/#html-transform); it resolves absolute paths against the input
// folder, so a PostHTML step running before it points /media/ sources at the content folder.
import path from "node:path";
import { eleventyImageTransformPlugin } from "@11ty/eleventy-img";
import type { SiteOptions } from "./options.ts";

const mediaPrefix = "/media/";

function mediaSourcesFromContent(options: SiteOptions) {
  return (context: { page: { inputPath: string } }) => (tree: any) => {
    tree.match({ tag: "img" }, (node: any) => {
      const src: unknown = node.attrs?.src;
      if (typeof src === "string" && src.startsWith(mediaPrefix)) {
        const file = path.join(options.contentDir, "media", decodeURIComponent(src.slice(mediaPrefix.length)));
        node.attrs.src = path.relative(path.dirname(path.resolve(context.page.inputPath)), file);
      }
      return node;
    });
    return tree;
  };
}

export default function imagesPlugin(eleventyConfig: any, options: SiteOptions): void {
  // Originals stay reachable at their Decap URL (OpenGraph images, links to the full file).
  eleventyConfig.addPassthroughCopy({ [path.join(options.contentDir, "media")]: "media" });
  eleventyConfig.htmlTransformer.addPosthtmlPlugin("html", mediaSourcesFromContent(options), { priority: 1 });
  eleventyConfig.addPlugin(eleventyImageTransformPlugin, {
    // WebP is the <img> fallback: every browser that runs this site reads it, and one format fewer halves the work.
    formats: ["avif", "webp"],
    sharpAvifOptions: { effort: 2 },
    widths: [480, 960, 1440],
    svgShortCircuit: true,
    urlPath: "/img/",
    outputDir: path.join(options.outDir, "img"),
    failOnError: true,
    transformOnRequest: false,
    htmlOptions: { imgAttributes: { loading: "lazy", decoding: "async" } },
  });
}
