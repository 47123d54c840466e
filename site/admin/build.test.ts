import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AdminConfigError, backendFromEnv } from "./backend.ts";
import { buildAdmin } from "./build.ts";

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("buildAdmin", () => {
  it("writes the page, the Decap bundle with the generated config, and its stylesheet", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "parlons-admin-"));
    temps.push(dir);
    await buildAdmin(path.join(dir, "admin"), { production: false, env: {} });
    const html = await readFile(path.join(dir, "admin/index.html"), "utf8");
    expect(html).toContain('<script src="cms.js"></script>');
    expect(html).not.toMatch(/<script>|style=/);
    const js = await readFile(path.join(dir, "admin/cms.js"), "utf8");
    expect(js).toContain("local_backend:!0");
    expect(js).toContain('folder:"content/consultations"');
    expect(js).toContain('identifierField:"title"'); // the content model, for the rules run before a save
    expect(js).not.toContain("--toastify-color-light"); // shipped as cms.css, not injected inline
    expect(js).toContain("adoptedStyleSheets"); // emotion's rules go to constructable sheets, not <style>
    expect(await readFile(path.join(dir, "admin/cms.css"), "utf8")).toContain("--toastify-color-light");
  });

  it("refuses a production build without a backend", async () => {
    await expect(buildAdmin(path.join(tmpdir(), "never"), { production: true, env: {} })).rejects.toThrow(
      /PARLONS_DECAP_REPO must be set/,
    );
  });
});

describe("production backend from the environment", () => {
  it("uses GitHub through the site's own OAuth endpoint by default", () => {
    expect(
      backendFromEnv({ PARLONS_DECAP_REPO: "commune/site", PARLONS_DECAP_OAUTH_BASE_URL: "https://participer.example" }, true),
    ).toEqual({
      name: "github",
      repo: "commune/site",
      branch: "main",
      base_url: "https://participer.example",
      auth_endpoint: "api/decap/auth",
    });
  });

  it("uses GitLab with PKCE, self-hosted if told", () => {
    expect(
      backendFromEnv(
        {
          PARLONS_DECAP_BACKEND: "gitlab",
          PARLONS_DECAP_REPO: "mairie/site",
          PARLONS_DECAP_GITLAB_APP_ID: "abc",
          PARLONS_DECAP_GITLAB_URL: "https://git.mairie.example/",
        },
        true,
      ),
    ).toMatchObject({ name: "gitlab", auth_type: "pkce", app_id: "abc", api_root: "https://git.mairie.example/api/v4" });
  });

  it("names the missing variable", () => {
    expect(() => backendFromEnv({ PARLONS_DECAP_BACKEND: "gitlab", PARLONS_DECAP_REPO: "a/b" }, true)).toThrow(
      new AdminConfigError('PARLONS_DECAP_GITLAB_APP_ID must be set to build the production admin (see README, "Decap backend")'),
    );
    expect(() => backendFromEnv({ PARLONS_DECAP_BACKEND: "gitea", PARLONS_DECAP_REPO: "a/b" }, true)).toThrow(/github" or "gitlab/);
  });
});
