// Dates are stored as instants and shown as wall-clock time in Europe/Paris, whatever the build machine's zone.
import type { Lang } from "../_lib/content/types.ts";
import { locale } from "./i18n.ts";

const timeZone = "Europe/Paris";

// Building an Intl.DateTimeFormat costs far more than using one, and a large site formats tens of thousands
// of dates: one formatter per language and style, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang | "day", options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(lang === "day" ? "en-CA" : locale(lang), { timeZone, ...options });
    formatters.set(key, found);
  }
  return found;
}

const styles = {
  date: { dateStyle: "long" },
  dateTime: { dateStyle: "long", timeStyle: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

// Most dates are shown several times (on their page, in lists, on the home page): a large site formats about
// 13,000 and only 2,300 are different. The texts are kept for the build in progress (cleared before each).
const texts = new Map<string, string>();

/** Intl writes "1 mai"; French typography wants "1er mai". */
function format(style: keyof typeof styles, date: Date, lang: Lang): string {
  const key = `${lang} ${style} ${date.getTime()}`;
  let text = texts.get(key);
  if (text === undefined) {
    const parts = formatter(lang, styles[style]).formatToParts(date);
    text = parts.map((part) => (lang === "fr" && part.type === "day" && part.value === "1" ? "1er" : part.value)).join("");
    texts.set(key, text);
  }
  return text;
}

/** Also takes a day as Decap writes it ("2026-06-15"), read as that day in Paris. */
export function formatDate(date: Date | string, lang: Lang): string {
  const instant = typeof date === "string" ? new Date(`${date.slice(0, 10)}T12:00:00Z`) : date;
  return format("date", instant, lang);
}

export function formatDateTime(date: Date, lang: Lang): string {
  return format("dateTime", date, lang);
}

export function formatTime(date: Date, lang: Lang): string {
  return formatter(lang, { timeStyle: "short" }).format(date);
}

/** True when both instants fall on the same calendar day in Paris. */
export function sameParisDay(a: Date, b: Date): boolean {
  const day = formatter("day", { dateStyle: "short" });
  return day.format(a) === day.format(b);
}

export default function datesPlugin(eleventyConfig: any): void {
  eleventyConfig.on("eleventy.before", () => texts.clear());
  const lang = (context: any): Lang => (context.ctx?.lang ?? "fr") as Lang;
  eleventyConfig.addFilter("date", function (this: any, date: Date | string) {
    return formatDate(date, lang(this));
  });
  eleventyConfig.addFilter("dateTime", function (this: any, date: Date) {
    return formatDateTime(date, lang(this));
  });
  eleventyConfig.addFilter("time", function (this: any, date: Date) {
    return formatTime(date, lang(this));
  });
  eleventyConfig.addFilter("sameDay", sameParisDay);
  eleventyConfig.addFilter("iso", (date: Date) => date.toISOString());
}
