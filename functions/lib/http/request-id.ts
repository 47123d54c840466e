// Which request an error answer and its log line belong to: Netlify's own id when it has a sane shape, so the
// function log, Netlify's request log and what the citizen quotes all agree; a random one otherwise.
import { randomUUID } from "node:crypto";

/** Netlify sends a 26-character ULID. The id is printed in logs and pages: nothing else may ride along. */
const requestIdShape = /^[A-Za-z0-9_-]{8,64}$/;

export function requestIdOf(req: Request): string {
  const given = req.headers.get("x-nf-request-id");
  return given !== null && requestIdShape.test(given) ? given : randomUUID();
}
