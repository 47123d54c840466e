import { gunzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "smol-toml";
import { headersFor, loadNetlifyConfig } from "./netlify-config.ts";
import { startServer, type RunningServer } from "./server.ts";

const fixtures = new URL("./fixtures/", import.meta.url).pathname;
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    siteDir: `${fixtures}site`,
    functionsDir: `${fixtures}functions`,
    netlifyConfigPath: `${fixtures}netlify.toml`,
    devRoutes: { "/_dev/ping": () => new Response("pong") },
  });
});
afterAll(() => server.close());

describe("local server", () => {
  it("serves clean URLs with the netlify.toml headers, gzipped", async () => {
    const response = await fetch(`${server.url}/consultations/velo/`, { headers: { "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toContain("<title>Vélo</title>");

    const raw = await new Promise<Buffer>((resolve, reject) => {
      import("node:http").then(({ get }) =>
        get(`${server.url}/assets/site.css`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          expect(res.headers["content-encoding"]).toBe("gzip");
          expect(res.headers["content-type"]).toBe("text/css; charset=utf-8");
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk)).on("end", () => resolve(Buffer.concat(chunks)));
        }).on("error", reject),
      );
    });
    expect(gunzipSync(raw).toString()).toBe("body{color:black}\n");
  });

  it("redirects a folder without its slash and answers unknown paths with the 404 page", async () => {
    const redirect = await fetch(`${server.url}/consultations/velo`, { redirect: "manual" });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/consultations/velo/");
    const missing = await fetch(`${server.url}/nulle-part/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Introuvable");
    expect(missing.headers.get("content-security-policy")).toBe("default-src 'self'");
    const traversal = await fetch(`${server.url}/%2e%2e/netlify.toml`);
    expect(traversal.status).toBe(404);
  });

  it("applies netlify.toml redirects with their splat", async () => {
    const response = await fetch(`${server.url}/old/velo/`, { redirect: "manual" });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/consultations/velo/");
  });

  it("gives /admin its own CSP instead of adding it to the site's", async () => {
    const response = await fetch(`${server.url}/admin/`);
    expect(response.headers.get("content-security-policy")).toBe("default-src 'self'; script-src 'self' 'unsafe-eval'");
  });

  it("mounts functions at each of their paths with params, body and every Set-Cookie", async () => {
    const response = await fetch(`${server.url}/api/things/velo/items/42`, { method: "POST", body: "x=1" });
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(await response.json()).toEqual({
      method: "POST",
      url: `${server.url}/api/things/velo/items/42`,
      params: { slug: "velo", item: "42" },
      body: "x=1",
    });
    const single = await fetch(`${server.url}/api/echo/7`);
    expect(((await single.json()) as { params: unknown }).params).toEqual({ id: "7" });
  });

  it("answers a function's whole body, gzipped when asked, with its length otherwise", async () => {
    const body = "y".repeat(20_000);
    const raw = (encoding?: string) =>
      new Promise<{ headers: import("node:http").IncomingHttpHeaders; data: Buffer }>((resolve, reject) => {
        import("node:http").then(({ request }) => {
          const req = request(`${server.url}/api/echo/3`, { method: "POST", headers: encoding ? { "accept-encoding": encoding } : {} }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk)).on("end", () => resolve({ headers: res.headers, data: Buffer.concat(chunks) }));
          });
          req.on("error", reject).end(body);
        });
      });
    const zipped = await raw("gzip");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers["vary"]).toBe("Accept-Encoding");
    expect(JSON.parse(gunzipSync(zipped.data).toString()).body).toBe(body);
    const plain = await raw();
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBe(plain.data.length);
    expect(JSON.parse(plain.data.toString()).body).toBe(body);
  });

  it("refuses function bodies over Netlify's 6 MB limit", async () => {
    const response = await fetch(`${server.url}/api/echo/1`, { method: "POST", body: "x".repeat(6 * 1024 * 1024 + 1) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });

  it("serves development routes", async () => {
    expect(await (await fetch(`${server.url}/_dev/ping`)).text()).toBe("pong");
  });
});

describe("netlify.toml", () => {
  it("sends the strict CSP everywhere but /admin, and /admin only the Decap one", async () => {
    const { headers } = await loadNetlifyConfig("netlify.toml");
    const site = headersFor(headers, "/consultations/velo/")["Content-Security-Policy"] ?? "";
    const admin = headersFor(headers, "/admin/")["Content-Security-Policy"] ?? "";
    expect(site).toContain("default-src 'self'");
    expect(site).not.toMatch(/unsafe-(inline|eval)/);
    expect(admin).toContain("'unsafe-eval'");
    expect(admin).not.toContain("unsafe-inline");
    for (const path of ["/", "/en/", "/404.html", "/admin/"]) {
      const values = headersFor(headers, path);
      expect(values["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
      expect(values["X-Content-Type-Options"]).toBe("nosniff");
      expect(values["Permissions-Policy"]).toMatch(/camera=\(\)/);
      // Issue 6: one rule for every path (Netlify headers cannot be scoped to a deploy context).
      expect(values["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    }
  });

  it("builds with npm run build into _site and bundles functions/api with esbuild", async () => {
    const raw = parse(await readFile("netlify.toml", "utf8")) as {
      build: { command: string; publish: string };
      functions: { directory: string; node_bundler: string; included_files: string[] };
    };
    expect(raw.build).toEqual({ command: "npm run build", publish: "_site" });
    expect(raw.functions).toMatchObject({ directory: "functions/api", node_bundler: "esbuild" });
    // Functions read the build's content JSON, never content/ (issue 7).
    expect(raw.functions.included_files).toContain("_functions/**");
    expect(raw.functions.included_files).not.toContain("content/**");
  });
});
