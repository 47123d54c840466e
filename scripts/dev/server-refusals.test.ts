// Issue 6, point 9: the local server answers only its own host names (DNS rebinding would otherwise read
// /_dev/outbox's sign-in codes and pass the functions' same-origin check), and its own errors use the
// functions' JSON shape.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rawRequest, type RawAnswer } from "./raw-http.ts";
import { startServer, type RunningServer } from "./server.ts";

const fixtures = new URL("./fixtures/", import.meta.url).pathname;
const options = {
  siteDir: `${fixtures}site`,
  functionsDir: `${fixtures}functions`,
  netlifyConfigPath: `${fixtures}netlify.toml`,
  devRoutes: {
    "/_dev/ping": () => new Response("pong"),
    "/_dev/boom": () => {
      throw new Error("a bug in the local server");
    },
  },
};
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ ...options, allowedHosts: [] });
});
afterAll(() => server.close());

function expectError(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status, answer.body).toBe(status);
  expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
  const { error } = JSON.parse(answer.body) as { error: { code: string; message: string } };
  expect(error.code).toBe(code);
  expect(error.message).not.toBe("");
}

describe("Host check", () => {
  it("refuses a forged Host on the outbox, a function and a static page", async () => {
    const host = `attacker.example:${server.port}`;
    expectError(await rawRequest(server.port, "/_dev/ping", { headers: { host } }), 421, "host_not_allowed");
    expectError(await rawRequest(server.port, "/consultations/velo/", { headers: { host } }), 421, "host_not_allowed");
    expectError(await rawRequest(server.port, "/admin/", { headers: { host } }), 421, "host_not_allowed");
    const post = await rawRequest(server.port, "/api/echo/1", {
      method: "POST",
      headers: { host, origin: `http://${host}`, "content-type": "application/x-www-form-urlencoded" },
      body: "x=1",
    });
    expectError(post, 421, "host_not_allowed");
  });

  it("refuses names that only look local", async () => {
    for (const host of [
      "localhost.attacker.example",
      "127.0.0.1.nip.io",
      "localhost@attacker.example",
      "localhost:8888@attacker.example",
      "localhost.",
      "127.0.0.2",
    ]) {
      expectError(await rawRequest(server.port, "/_dev/ping", { headers: { host } }), 421, "host_not_allowed");
    }
  });

  it("answers loopback names, and the PARLONS_DEV_HOSTS ones (then on every interface), and no other", async () => {
    vi.stubEnv("PARLONS_DEV_HOSTS", " 192.168.1.20 , Mon-PC.local,fe80::1,tablette.local:8888,");
    const lan = await startServer(options);
    vi.unstubAllEnvs();
    try {
      expect((lan.server.address() as AddressInfo).address).toBe("0.0.0.0");
      for (const name of ["localhost", "127.0.0.1", "[::1]", "parlons.localhost", "LOCALHOST", "192.168.1.20", "mon-pc.local", "[fe80::1]", "tablette.local"]) {
        const answer = await rawRequest(lan.port, "/_dev/ping", { headers: { host: `${name}:${lan.port}` } });
        expect(answer.body, name).toBe("pong");
        expect(await rawRequest(lan.port, "/_dev/ping", { headers: { host: name } })).toMatchObject({ status: 200 });
      }
      for (const name of ["192.168.1.21", "pc.local", "attacker.example"]) {
        expectError(await rawRequest(lan.port, "/_dev/ping", { headers: { host: `${name}:${lan.port}` } }), 421, "host_not_allowed");
      }
    } finally {
      await lan.close();
    }
    // Without the variable, loopback only.
    expect((server.server.address() as AddressInfo).address).toBe("127.0.0.1");
    expectError(await rawRequest(server.port, "/_dev/ping", { headers: { host: "192.168.1.20" } }), 421, "host_not_allowed");
  });

  it("never lets a scheme-relative request target become the origin a function sees", async () => {
    const answer = await rawRequest(server.port, "//attacker.example/api/echo/1", { headers: { host: `localhost:${server.port}` } });
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain("attacker.example");
  });
});

describe("the server's own errors", () => {
  it("refuses a huge Content-Length at once, before reading any of the body", async () => {
    const started = Date.now();
    const answer = await rawRequest(server.port, "/api/echo/1", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(10 ** 12) },
      holdBody: true,
      timeoutMs: 3_000,
    });
    expectError(answer, 413, "payload_too_large");
    expect(answer.headers.connection).toBe("close");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("refuses a chunked body once it passes 6 MB, in JSON", async () => {
    const answer = await rawRequest(server.port, "/api/echo/1", {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: Buffer.alloc(7 * 1024 * 1024, "x"),
    });
    expectError(answer, 413, "payload_too_large");
  });

  it("answers a malformed % escape with 400, on a function path and on a static one", async () => {
    expectError(await rawRequest(server.port, "/api/echo/%E0%A4%A"), 400, "invalid_input");
    expectError(await rawRequest(server.port, "/consultations/%zz/"), 400, "invalid_input");
    expectError(await rawRequest(server.port, "/_dev/%"), 400, "invalid_input");
  });

  it("answers 405, a 404 without a 404 page and its own failures in JSON", async () => {
    const post = await rawRequest(server.port, "/consultations/velo/", { method: "POST", body: "x=1" });
    expectError(post, 405, "method_not_allowed");
    expect(post.headers.allow).toBe("GET, HEAD");

    const bare = await startServer({ ...options, siteDir: `${fixtures}site/consultations`, allowedHosts: [] });
    try {
      expectError(await rawRequest(bare.port, "/nulle-part/"), 404, "not_found");
    } finally {
      await bare.close();
    }

    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expectError(await rawRequest(server.port, "/_dev/boom?token=secret-link-token"), 500, "internal");
      expect(log).toHaveBeenCalledTimes(1);
      // One line, with neither the query (a sign-in token may ride in it) nor the error's own text.
      const line = log.mock.calls[0]!.map(String).join(" ");
      expect(line).toBe("[server] GET /_dev/boom failed: Error");
    } finally {
      log.mockRestore();
    }
  });
});
