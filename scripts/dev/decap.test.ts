// Issue 6, point 9: decap-server writes any file of the repository, so the port /admin talks to answers only
// loopback Host names and origins, like the local server.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startDecapServer, type DecapServer } from "./decap.ts";
import { freePort } from "./free-port.ts";
import { rawRequest } from "./raw-http.ts";

let repo: string;
let port: number;
let decap: DecapServer;

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), "parlons-decap-"));
  await writeFile(join(repo, "secret.txt"), "not for other sites");
  port = await freePort();
  decap = await startDecapServer({ port, repoDir: repo, allowedHosts: [] });
}, 30_000);
afterAll(async () => {
  await decap?.close();
  await rm(repo, { recursive: true, force: true });
});

const readSecret = JSON.stringify({ action: "getEntry", params: { branch: "main", path: "secret.txt" } });

function post(headers: Record<string, string>) {
  return rawRequest(port, "/api/v1", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: readSecret });
}

it("answers /admin's requests from a loopback origin", async () => {
  const answer = await post({ host: `localhost:${port}`, origin: "http://localhost:8888" });
  expect(answer.status).toBe(200);
  expect(answer.body).toContain("not for other sites");
  expect(answer.headers["access-control-allow-origin"]).toBe("http://localhost:8888");
});

it("refuses a forged Host (DNS rebinding) and a foreign Origin, in the functions' JSON shape", async () => {
  const rebound = await post({ host: `attacker.example:${port}`, origin: `http://attacker.example:${port}` });
  expect(rebound.status).toBe(421);
  expect(JSON.parse(rebound.body)).toMatchObject({ error: { code: "host_not_allowed" } });
  expect(rebound.body).not.toContain("not for other sites");

  const foreign = await post({ host: `localhost:${port}`, origin: "https://attacker.example" });
  expect(foreign.status).toBe(403);
  expect(JSON.parse(foreign.body)).toMatchObject({ error: { code: "csrf_failed" } });
});
