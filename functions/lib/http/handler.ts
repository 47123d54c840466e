// The top-level wrapper of every function entry: method dispatch, one error family, and the choice between
// JSON (fetch) and HTML (plain forms) answers. Anything that is not an AppError becomes a plain 500; every 5xx
// is logged once, as safe fields, under a request id that the answer shows.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { errorPage } from "../pages/error-page.ts";
import { AppError } from "./errors.ts";
import { failureLine, logFailure, routeOf } from "./failure-log.ts";
import { langOf } from "./lang.ts";
import { requestIdOf } from "./request-id.ts";
import { errorJson, seeOther } from "./respond.ts";
import { safeReturnTo, withFlash } from "./return-to.ts";
import { urls } from "../../../templates/modules/ideabox/urls.ts";

/** Netlify's Context, reduced to what we read, so the dev server may pass `{ params }` alone. */
export interface MinimalContext {
  params?: Record<string, string | undefined>;
  ip?: string;
}

export interface RequestContext {
  req: Request;
  url: URL;
  params: Record<string, string>;
  /** Updated once the body is read (a form's hidden `lang` field wins). */
  lang: Lang;
  /** JSON answers: Accept asks for JSON, or the body was JSON. */
  json: boolean;
  /** The citizen's submitted fields, kept so a failed form can be shown again with its text. */
  input: Record<string, unknown> | null;
  /** Same-site path to come back to after a plain form post. */
  returnTo: string;
  ip: string;
  /** Ties a server failure's answer to its log line. */
  requestId: string;
}

type Method = "GET" | "POST" | "DELETE";
type Action = (ctx: RequestContext) => Promise<Response>;

export interface Route extends Partial<Record<Method, Action>> {
  /** Shows the failed form again (4xx HTML) for plain form posts; absent → generic error page. */
  formError?: (ctx: RequestContext, error: AppError) => Promise<Response | null>;
}

function acceptsJson(req: Request): boolean {
  return (req.headers.get("accept") ?? "").includes("application/json");
}

function clientIp(req: Request, context: MinimalContext | undefined): string {
  return (
    context?.ip ??
    req.headers.get("x-nf-client-connection-ip") ??
    req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ??
    "unknown"
  );
}

function cleanParams(params: Record<string, string | undefined> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(params ?? {}).filter((e): e is [string, string] => typeof e[1] === "string"));
}

function asAppError(failure: unknown): AppError {
  return failure instanceof AppError ? failure : new AppError("internal", { cause: failure });
}

async function answerError(route: Route, ctx: RequestContext, error: AppError): Promise<Response> {
  const serverFailure = error.status >= 500;
  if (serverFailure) logFailure(failureLine(ctx.requestId, routeOf(ctx.req.method, ctx.url, ctx.params), error));
  const reference = serverFailure ? ctx.requestId : undefined;
  if (ctx.json) return errorJson(error, ctx.lang, reference);
  // A server failure skips the form page: it would mostly run into the same failure, and the plain error page
  // shows the reference to quote.
  if (ctx.req.method !== "GET" && !serverFailure) {
    // A plain form from someone not signed in: sign in first, then come back.
    if (error.code === "unauthenticated" || error.code === "session_expired") {
      return seeOther(urls.signIn(ctx.lang, ctx.returnTo));
    }
    try {
      const shown = await route.formError?.(ctx, error);
      if (shown) return shown;
    } catch (failure) {
      // The page around the form may itself be unavailable (unknown consultation): then the plain error page;
      // a page that failed unexpectedly is a server failure of its own.
      const unavailable = asAppError(failure);
      if (unavailable.status >= 500) return answerError(route, ctx, unavailable);
    }
  }
  return errorPage(error, ctx.lang, ctx.returnTo, reference);
}

export function handler(route: Route) {
  return async (req: Request, context?: MinimalContext): Promise<Response> => {
    const url = new URL(req.url);
    const ctx: RequestContext = {
      req,
      url,
      params: cleanParams(context?.params),
      lang: langOf(url),
      // No HTML form sends DELETE: it always comes from fetch.
      json: acceptsJson(req) || req.method === "DELETE",
      input: null,
      returnTo: safeReturnTo(url.searchParams.get("return_to"), "/"),
      ip: clientIp(req, context),
      requestId: requestIdOf(req),
    };
    const method = (req.method === "HEAD" ? "GET" : req.method) as Method;
    try {
      const action = route[method];
      if (!action) {
        const allow = (["GET", "POST", "DELETE"] as const).filter((m) => route[m]).join(", ");
        const response = await answerError(route, ctx, new AppError("method_not_allowed"));
        response.headers.set("allow", allow);
        return response;
      }
      return await action(ctx);
    } catch (error) {
      return answerError(route, ctx, asAppError(error));
    }
  };
}

/** Where a successful plain form post goes: back to `return_to` with a flash message key. */
export function backWithFlash(ctx: RequestContext, flash: string, cookies: string[] = []): Response {
  const location = new URL(withFlash(ctx.returnTo, flash), ctx.url);
  // A fetch submit (the client asks for the fragment) follows the redirect: keep asking for the fragment.
  if (ctx.url.searchParams.get("format") === "fragment") location.searchParams.set("format", "fragment");
  return seeOther(location.pathname + location.search + location.hash, cookies);
}
