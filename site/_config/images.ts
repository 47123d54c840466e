// Organizer images (content/media, referenced as /media/… by Decap, in templates and in Markdown bodies) become
// responsive AVIF/WebP <picture>s with width and height, so pages do not shift while loading. Each image is
// encoded once, then kept between builds (image-cache.ts).
//
// A string transform rather than eleventy-img's PostHTML transform: parsing every page with PostHTML cost a
// third of the build on a large commune (6,000 pages), while only pages holding a /media/ image need work.
// The tags replaced are our own output (Nunjucks and markdown-it), whose attribute quoting is known.
import path from "node:path";
import Image from "@11ty/eleventy-img";
import { cachedImage, publishImage } from "./image-cache.ts";
import type { SiteOptions } from "./options.ts";

const mediaPrefix = "/media/";
const mediaImage = /<img\b[^>]*\ssrc="\/media\/[^"]*"[^>]*>/g;
const attribute = /([^\s="'<>\/]+)(?:="([^"]*)")?/g;
const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

function decode(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name] ?? "");
}

/** The attributes of one <img> tag, decoded (generateHTML escapes them again). */
export function imgAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name = "", value = ""] of tag.slice(4, -1).matchAll(attribute)) attributes[name] = decode(value);
  return attributes;
}

async function picture(tag: string, options: SiteOptions): Promise<string> {
  const { src = "", "eleventy:widths": widths, ...attributes } = imgAttributes(tag);
  const file = path.join(options.contentDir, "media", decodeURIComponent(src.slice(mediaPrefix.length)));
  const imageOptions = {
    widths: widths ? widths.split(",").map(Number) : [480, 960, 1440],
    // WebP is the <img> fallback: every browser this site supports reads it, and a format fewer is less work.
    formats: ["avif", "webp"],
    sharpAvifOptions: { effort: 2 },
    svgShortCircuit: true,
    urlPath: "/img/",
  };
  const metadata = await cachedImage(file, imageOptions, options.imageCacheDir);
  await publishImage(metadata, options.imageCacheDir, path.join(options.outDir, "img"));
  // `src` leads, as in the metadata eleventy-img returns: generateHTML replaces its value, the <img> keeps its order.
  return Image.generateHTML(metadata, { src, sizes: "100vw", loading: "lazy", decoding: "async", ...attributes });
}

/** Pictures by <img> tag, for one build: the header logo is the same tag on every page. */
export type PictureCache = Map<string, Promise<string>>;

export async function responsiveImages(html: string, options: SiteOptions, cache: PictureCache): Promise<string> {
  if (!html.includes(`src="${mediaPrefix}`)) return html;
  const tags = [...new Set(html.match(mediaImage))];
  const pictures = await Promise.all(
    tags.map((tag) => {
      let found = cache.get(tag);
      if (!found) {
        found = picture(tag, options);
        cache.set(tag, found);
      }
      return found;
    }),
  );
  return tags.reduce((page, tag, index) => page.replaceAll(tag, pictures[index] ?? tag), html);
}

export default function imagesPlugin(eleventyConfig: any, options: SiteOptions): void {
  // Originals stay reachable at their Decap URL (OpenGraph images, links to the full file).
  eleventyConfig.addPassthroughCopy({ [path.join(options.contentDir, "media")]: "media" });
  // A new cache each build: a watch rebuild may follow an organizer replacing a media file.
  const cache: PictureCache = new Map();
  eleventyConfig.on("eleventy.before", () => cache.clear());
  eleventyConfig.addTransform("responsive-images", function (this: any, html: string) {
    return this.page.outputPath?.endsWith(".html") ? responsiveImages(html, options, cache) : html;
  });
}
