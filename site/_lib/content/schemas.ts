// Build-time zod schemas generated from the content model (./model). They check the files as Decap writes
// them and turn authored values into build values (Paris wall clock → Date, map widget string → GeoJSON).
import { z } from "zod";
import { isHexColor } from "../branding/contrast.ts";
import type { Collection, Field } from "./model/index.ts";
import type { StringFormat } from "./model/fields.ts";
import { slugPattern } from "./routes.ts";
import { dayPattern, parisInstant, wallClockPattern } from "./time.ts";


function formatted(format: StringFormat | undefined): z.ZodType<string> {
  switch (format) {
    case "email":
      return z.email({ error: (issue) => (issue.input === undefined ? undefined : "must be an email address") });
    case "url":
      return z.url({
        protocol: /^https?$/,
        error: (issue) => (issue.input === undefined ? undefined : "must be an http(s) URL"),
      });
    case "slug":
      return z.string().regex(slugPattern, "must be a slug (lowercase letters, digits and hyphens)");
    case "path":
      return z.string().startsWith("/", "must be a path starting with /");
    case "link":
      return z.string().regex(/^(\/|https?:\/\/)\S*$/, "must be a path on this site (/…) or an http(s) URL");
    case undefined:
      return z.string().trim().min(1, "must not be empty");
  }
}

const mediaPath = z.string().regex(/^(\/|https?:\/\/)\S+$/, "must be a media path such as /media/photo.jpg");

const wallClock = z.string().transform((value, ctx) => {
  const instant = wallClockPattern.test(value) ? parisInstant(value) : undefined;
  if (!instant) {
    ctx.addIssue({ code: "custom", message: `must be a date and time like 2026-09-14T18:00, got "${value}"` });
    return z.NEVER;
  }
  return instant;
});

const day = z.string().refine((value) => dayPattern.test(value) && parisInstant(value) !== undefined, {
  error: (issue) => `must be a date like 2026-09-14, got "${String(issue.input)}"`,
});

const position = z.array(z.number()).min(2).max(3);
const polygonGeometry = z.strictObject({
  type: z.literal("Polygon"),
  coordinates: z.array(z.array(position).min(4, "a polygon ring needs at least 4 positions")).min(1),
});

/** Decap's map widget stores the geometry as a JSON string. */
const polygon = z.string().transform((value, ctx) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    ctx.addIssue({ code: "custom", message: "must be a GeoJSON Polygon (the map widget value is not valid JSON)" });
    return z.NEVER;
  }
  const result = polygonGeometry.safeParse(parsed);
  if (!result.success) {
    ctx.addIssue({ code: "custom", message: "must be a GeoJSON Polygon (draw it with the map widget)" });
    return z.NEVER;
  }
  return result.data as { type: "Polygon"; coordinates: number[][][] };
});

function shape(fields: readonly Field[]): Record<string, z.ZodType> {
  return Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)]));
}

/** An image with its alternative text. When optional, an empty pair means "no image". */
function image(required: boolean): z.ZodType {
  if (required) return z.strictObject({ src: mediaPath, alt: z.string().trim().min(1) });
  return z
    .strictObject({ src: mediaPath.optional(), alt: z.string().optional() })
    .superRefine((value, ctx) => {
      if (value.src && !value.alt?.trim()) {
        ctx.addIssue({ code: "custom", path: ["alt"], message: "is required when an image is chosen" });
      }
    })
    .transform((value) => (value.src ? { src: value.src, alt: value.alt ?? "" } : undefined));
}

function baseSchema(field: Field): z.ZodType {
  switch (field.kind) {
    case "string":
      return formatted(field.format);
    case "text":
    case "markdown":
      return field.required ? z.string().trim().min(1, "must not be empty") : z.string();
    case "color":
      return z.string().refine(isHexColor, "must be a colour like #1a5fb4");
    case "datetime":
      return wallClock;
    case "date":
      return day;
    case "boolean":
      return z.boolean();
    case "integer":
    case "number": {
      let schema = field.kind === "integer" ? z.int() : z.number();
      if (field.min !== undefined) schema = schema.min(field.min);
      if (field.max !== undefined) schema = schema.max(field.max);
      return schema;
    }
    case "select": {
      const values = z.enum(field.options.map((option) => option.value) as [string, ...string[]]);
      return field.multiple ? z.array(values) : values;
    }
    case "media":
      return mediaPath;
    case "image":
      return image(field.required);
    case "relation":
      return z.string().regex(slugPattern, "must be the slug of an entry");
    case "map":
      return polygon;
    case "object":
      return z.strictObject(shape(field.fields));
    case "list":
      return z.array(fieldSchema(field.of)).min(field.min ?? 0);
    case "objectList":
      return z.array(z.strictObject(shape(field.fields))).min(field.min ?? 0);
    case "typedList": {
      const variants = field.types.map((type) =>
        z.strictObject({ [field.typeKey]: z.literal(type.name), ...shape(type.fields) }),
      );
      return z.array(z.discriminatedUnion(field.typeKey, variants as [z.ZodObject, ...z.ZodObject[]]));
    }
  }
}

export function fieldSchema(field: Field): z.ZodType {
  const schema = baseSchema(field);
  const fallback = "default" in field ? field.default : undefined;
  if (field.required) return schema;
  return fallback === undefined ? schema.optional() : schema.default(fallback as never);
}

/** The zod schema of one file of the collection (front matter plus `body` for folder collections). */
export function collectionSchema(collection: Collection): z.ZodObject {
  return z.strictObject(shape(collection.fields));
}
