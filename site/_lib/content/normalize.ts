// From validated file data to the typed entries of ./types.ts. The schemas already checked every shape, so
// these functions only rename and reshape.
import type { ModuleId } from "../modules/index.ts";
import { parisInstant } from "./time.ts";
import type {
  Consultation,
  District,
  Entry,
  Event,
  Image,
  NewsArticle,
  Page,
  Phase,
  PhaseModules,
  SiteSettings,
  Term,
} from "./types.ts";

type Data = Record<string, any>;
export type EntryMeta = Omit<Entry, "collection" | "title" | "body">;

function common(meta: EntryMeta, data: Data) {
  return { ...meta, title: data.title as string, body: (data.body as string | undefined) ?? "" };
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

function phaseModules(items: Data[] | undefined): PhaseModules {
  return Object.fromEntries(
    (items ?? []).map(({ module, ...settings }) => [module as ModuleId, settings as Record<string, boolean | number>]),
  );
}

export function toConsultation(meta: EntryMeta, data: Data): Consultation {
  return {
    collection: "consultations",
    ...common(meta, data),
    summary: data.summary,
    ...optional("cover", data.cover as Image | undefined),
    themes: ((data.themes ?? []) as Data[]).map((t): Term => ({ name: t.name, ...optional("name_en", t.name_en as string | undefined) })),
    districts: ((data.districts ?? []) as Data[]).map(
      (d): District => ({
        name: d.name,
        ...optional("name_en", d.name_en as string | undefined),
        ...optional("polygon", d.polygon as District["polygon"]),
      }),
    ),
    visibility: data.visibility,
    phases: (data.phases as Data[]).map(
      (p, position): Phase => ({
        position,
        title: p.title,
        start: p.start,
        end: p.end,
        description: p.description,
        modules: phaseModules(p.modules),
      }),
    ),
  };
}

export function toNews(meta: EntryMeta, data: Data): NewsArticle {
  return {
    collection: "news",
    ...common(meta, data),
    date: parisInstant(data.date)!,
    ...optional("summary", data.summary as string | undefined),
    ...optional("image", data.image as Image | undefined),
    ...optional("consultation", data.consultation as string | undefined),
  };
}

export function toEvent(meta: EntryMeta, data: Data): Event {
  return {
    collection: "events",
    ...common(meta, data),
    start: data.start,
    end: data.end,
    ...optional("place", data.place as string | undefined),
    ...optional("onlineLink", data.onlineLink as string | undefined),
    ...optional("summary", data.summary as string | undefined),
    ...optional("consultation", data.consultation as string | undefined),
  };
}

export function toPage(meta: EntryMeta, data: Data): Page {
  return { collection: "pages", ...common(meta, data), ...optional("summary", data.summary as string | undefined) };
}

export function toSettings(data: Data): SiteSettings {
  return { ...data, baseUrl: (data.baseUrl as string).replace(/\/+$/, ""), headerLinks: data.headerLinks ?? [] } as SiteSettings;
}
