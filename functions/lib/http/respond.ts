// Response builders. Every dynamic answer is personal (session, flash), so none may be cached.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { hasMessage, t } from "../../../site/_lib/i18n/index.ts";
import type { AppError } from "./errors.ts";
import { securityHeaders } from "./security-headers.ts";

/**
 * On every function answer: personal (session, flash), so never cached; and never content-sniffed, since JSON
 * and redirects echo citizens' text, which a sniffing browser could otherwise run as HTML.
 */
export const baseHeaders: Readonly<Record<string, string>> = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

function headersOf(base: Record<string, string>, extra: HeadersInit): Headers {
  const headers = new Headers(base);
  // Appended one by one: several Set-Cookie headers must all survive.
  for (const [name, value] of new Headers(extra)) headers.append(name, value);
  return headers;
}

export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: headersOf({ "content-type": "application/json; charset=utf-8", ...baseHeaders }, headers),
  });
}

export function htmlResponse(markup: string, status = 200, headers: HeadersInit = {}): Response {
  return new Response(markup, {
    status,
    headers: headersOf({ "content-type": "text/html; charset=utf-8", ...securityHeaders, ...baseHeaders }, headers),
  });
}

/** 303 See Other: the browser follows with a GET, so reloading never re-posts a form. */
export function seeOther(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, ...baseHeaders });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

/** `requestId`: given for a server failure, so the citizen can quote it and it leads to the log line. */
export function errorJson(error: AppError, lang: Lang, requestId?: string): Response {
  const details = error.details ? fieldMessages(error, lang) : undefined;
  return json(
    {
      error: {
        code: error.code,
        message: error.messageIn(lang),
        ...(details ? { details } : {}),
        ...(requestId ? { request_id: requestId } : {}),
      },
    },
    error.status,
  );
}

/** Field → translated message: `errors.fields.<field>.<code>` first, then the generic `errors.fields.<code>`. */
export function fieldMessages(error: AppError, lang: Lang): Record<string, string> {
  return Object.fromEntries(
    Object.entries(error.details ?? {}).map(([field, code]) => {
      const specific = `errors.fields.${field}.${code}`;
      return [field, t(lang, hasMessage(specific) ? specific : `errors.fields.${code}`)];
    }),
  );
}
