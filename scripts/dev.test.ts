// `npm start` as a newcomer runs it: one command brings up the database, the build, the functions, the
// outbox page and decap-server, and stops cleanly.
import { expect, it } from "vitest";
import { startDev } from "./testing/processes.ts";

it("npm start serves the site, the functions, the outbox and decap-server, then stops on SIGTERM", async () => {
  const dev = await startDev({ PARLONS_PGLITE_DIR: "memory://" });
  try {
    const home = await fetch(`${dev.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await (await fetch(`${dev.url}/api/session`)).json()).toEqual({ citizen: null });
    expect((await fetch(`${dev.url}/_dev/outbox`)).status).toBe(200);
    const decap = await fetch(`http://localhost:${dev.decapPort}/api/v1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "info" }),
    });
    expect(decap.status).toBe(200);
  } finally {
    expect(await dev.kill("SIGTERM"), dev.output()).toBe(0);
  }
  await expect(fetch(`${dev.url}/`)).rejects.toThrow();
}, 180_000);
