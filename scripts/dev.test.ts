// `npm start` as a newcomer runs it: one command brings up the database, the build, the functions, the
// outbox page and decap-server, and stops cleanly.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

it("npm start serves the site, the functions, the outbox and decap-server, then stops on SIGTERM", async () => {
  const [port, decapPort] = [await freePort(), await freePort()];
  const outbox = await mkdtemp(join(tmpdir(), "parlons-dev-outbox-"));
  const child = spawn("node_modules/.bin/tsx", ["scripts/dev.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DECAP_SERVER_PORT: String(decapPort),
      PARLONS_PGLITE_DIR: "memory://",
      PARLONS_OUTBOX_DIR: outbox,
      DATABASE_URL: "",
      SUPABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  try {
    await expect.poll(() => output, { timeout: 120_000, interval: 500 }).toContain("Parlons is running");
    const base = `http://localhost:${port}`;
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await (await fetch(`${base}/api/session`)).json()).toEqual({ citizen: null });
    expect((await fetch(`${base}/_dev/outbox`)).status).toBe(200);
    const decap = await fetch(`http://localhost:${decapPort}/api/v1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "info" }),
    });
    expect(decap.status).toBe(200);
  } finally {
    child.kill("SIGTERM");
    expect(await exited, output).toBe(0);
    await rm(outbox, { recursive: true, force: true });
  }
  await expect(fetch(`http://localhost:${port}/`)).rejects.toThrow();
}, 180_000);
