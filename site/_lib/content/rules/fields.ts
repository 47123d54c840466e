// Rules of one field's value, from its declaration in the content model: presence, type, format, range, and
// the shape of containers (objects, lists, typed lists, images), recursively. Values come through stripEmpty,
// so absent, null, "" and "   " all read as undefined.
import { isHexColor } from "../../branding/contrast.ts";
import type { Field, StringFormat } from "../model/fields.ts";
import { slugPattern } from "../routes.ts";
import { dayPattern, parisInstant, wallClockPattern } from "../time.ts";
import type { Path, RuleCode, RuleIssue } from "./issues.ts";
import { isData } from "./values.ts";

export type Report = (path: Path, code: RuleCode, params?: RuleIssue["params"]) => void;

const formats: Record<StringFormat, { code: RuleCode; test: (value: string) => boolean }> = {
  email: { code: "email", test: (value) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value) },
  url: { code: "url", test: (value) => /^https?:\/\/[^\s/?#]+\S*$/.test(value) && URL.canParse(value) },
  slug: { code: "slug", test: (value) => slugPattern.test(value) },
  path: { code: "path", test: (value) => value.startsWith("/") },
  link: { code: "link", test: (value) => /^(\/|https?:\/\/)\S*$/.test(value) },
};

const mediaPath = /^(\/|https?:\/\/)\S+$/;

/** A JSON string holding one GeoJSON Polygon, as Decap's map widget stores it. */
export function isPolygon(value: string): boolean {
  let geometry: unknown;
  try {
    geometry = JSON.parse(value);
  } catch {
    return false;
  }
  if (!isData(geometry) || geometry["type"] !== "Polygon" || Object.keys(geometry).length !== 2) return false;
  const rings = geometry["coordinates"];
  const isPosition = (p: unknown) => Array.isArray(p) && p.length >= 2 && p.length <= 3 && p.every((n) => typeof n === "number");
  return (
    Array.isArray(rings) &&
    rings.length > 0 &&
    rings.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition))
  );
}

function checkText(field: Field & { kind: "string" }, value: string, path: Path, report: Report): void {
  const format = field.format && formats[field.format];
  if (format && !format.test(value)) report(path, format.code);
}

function checkNumber(field: Field & { kind: "integer" | "number" }, value: unknown, path: Path, report: Report): void {
  if (typeof value !== "number" || !Number.isFinite(value)) return report(path, "not_number");
  if (field.kind === "integer" && !Number.isInteger(value)) return report(path, "integer");
  if (field.min !== undefined && value < field.min) return report(path, "too_small", { min: field.min });
  if (field.max !== undefined && value > field.max) report(path, "too_large", { max: field.max });
}

/** Reports keys of `value` that no field declares (misspelt or removed fields). */
function checkKeys(known: readonly string[], value: Record<string, unknown>, path: Path, report: Report): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) report(path, "unknown_field", { name: key });
}

export function checkFields(fields: readonly Field[], value: Record<string, unknown>, path: Path, report: Report, extra?: string): void {
  checkKeys([...fields.map((field) => field.name), ...(extra ? [extra] : [])], value, path, report);
  for (const field of fields) checkField(field, value[field.name], [...path, field.name], report);
}

function checkList(field: Field & { min?: number }, value: unknown, path: Path, report: Report, item: (v: unknown, p: Path) => void): void {
  if (!Array.isArray(value)) return report(path, "not_list");
  if (field.min !== undefined && value.length < field.min) report(path, "list_too_short", { min: field.min });
  value.forEach((element, i) => item(element, [...path, i]));
}

function checkObject(fields: readonly Field[], value: unknown, path: Path, report: Report, extra?: string): void {
  if (!isData(value)) return report(path, "not_object");
  checkFields(fields, value, path, report, extra);
}

/** An image with its alternative text; without a chosen picture, an optional image is simply absent. */
function checkImage(field: Field & { kind: "image" }, value: unknown, path: Path, report: Report): void {
  if (!isData(value)) return report(path, "not_object");
  checkKeys(["src", "alt"], value, path, report);
  const { src, alt } = value;
  if (src === undefined) {
    if (field.required) report([...path, "src"], "required");
  } else if (typeof src !== "string") report([...path, "src"], "not_text");
  else if (!mediaPath.test(src)) report([...path, "src"], "media");
  if (alt !== undefined && typeof alt !== "string") report([...path, "alt"], "not_text");
  else if (alt === undefined && (field.required || src !== undefined)) report([...path, "alt"], "image_alt_missing");
}

const textKinds = new Set<Field["kind"]>(["string", "text", "markdown", "color", "datetime", "date", "media", "relation", "map"]);

export function checkField(field: Field, value: unknown, path: Path, report: Report): void {
  if (value === undefined) {
    if (!field.required) return;
    const min = "min" in field && (field.kind === "list" || field.kind === "objectList") ? field.min : undefined;
    return min ? report(path, "list_too_short", { min }) : report(path, "required");
  }
  if (textKinds.has(field.kind) && typeof value !== "string") return report(path, "not_text");
  const text = value as string;
  switch (field.kind) {
    case "string":
      return checkText(field, text, path, report);
    case "text":
    case "markdown":
      return;
    case "color":
      return isHexColor(text) ? undefined : report(path, "color");
    case "datetime":
      return wallClockPattern.test(text) && parisInstant(text) ? undefined : report(path, "datetime", { value: text });
    case "date":
      return dayPattern.test(text) && parisInstant(text) ? undefined : report(path, "date", { value: text });
    case "media":
      return mediaPath.test(text) ? undefined : report(path, "media");
    case "relation":
      return slugPattern.test(text) ? undefined : report(path, "relation_format");
    case "map":
      return isPolygon(text) ? undefined : report(path, "polygon");
    case "boolean":
      return typeof value === "boolean" ? undefined : report(path, "not_boolean");
    case "integer":
    case "number":
      return checkNumber(field, value, path, report);
    case "select": {
      const allowed = new Set(field.options.map((option) => option.value));
      const check = (v: unknown, p: Path) => (typeof v === "string" && allowed.has(v) ? undefined : report(p, "option", { value: String(v) }));
      if (!field.multiple) return check(value, path);
      return checkList(field, value, path, report, check);
    }
    case "image":
      return checkImage(field, value, path, report);
    case "object":
      return checkObject(field.fields, value, path, report);
    case "list":
      return checkList(field, value, path, report, (item, p) => checkField(field.of, item, p, report));
    case "objectList":
      return checkList(field, value, path, report, (item, p) => checkObject(field.fields, item, p, report));
    case "typedList":
      return checkList(field, value, path, report, (item, p) => {
        if (!isData(item)) return report(p, "not_object");
        const type = field.types.find((candidate) => candidate.name === item[field.typeKey]);
        if (!type) {
          const names = field.types.map((candidate) => candidate.label).join(", ");
          return report([...p, field.typeKey], "unknown_type", { value: String(item[field.typeKey] ?? ""), types: names });
        }
        checkFields(type.fields, item, p, report, field.typeKey);
      });
  }
}
