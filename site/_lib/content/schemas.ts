// Build-time zod schemas generated from the content model (./model). The rules (./rules) have already refused
// what the build refuses, with sentences for organizers; these schemas only check the shape again and turn
// authored values into build values (Paris wall clock → Date, map widget string → GeoJSON, defaults, an
// optional image without a picture → none).
import { z } from "zod";
import type { Collection, Field } from "./model/index.ts";
import { parisInstant } from "./time.ts";

/** Paris wall clock → instant. */
const wallClock = z.string().transform((value) => parisInstant(value)!);

/** Decap's map widget stores the geometry as a JSON string. */
const polygon = z.string().transform((value) => JSON.parse(value) as { type: "Polygon"; coordinates: number[][][] });

function shape(fields: readonly Field[]): Record<string, z.ZodType> {
  return Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)]));
}

/** An image with its alternative text. When optional, an image without a picture is no image. */
function image(required: boolean): z.ZodType {
  if (required) return z.strictObject({ src: z.string(), alt: z.string() });
  return z
    .strictObject({ src: z.string().optional(), alt: z.string().optional() })
    .transform((value) => (value.src ? { src: value.src, alt: value.alt ?? "" } : undefined));
}

function baseSchema(field: Field): z.ZodType {
  switch (field.kind) {
    case "string":
    case "text":
    case "markdown":
    case "color":
    case "date":
    case "media":
    case "relation":
      return z.string();
    case "datetime":
      return wallClock;
    case "boolean":
      return z.boolean();
    case "integer":
    case "number":
      return z.number();
    case "select":
      return field.multiple ? z.array(z.string()) : z.string();
    case "image":
      return image(field.required);
    case "map":
      return polygon;
    case "object":
      return z.strictObject(shape(field.fields));
    case "list":
      return z.array(fieldSchema(field.of));
    case "objectList":
      return z.array(z.strictObject(shape(field.fields)));
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
