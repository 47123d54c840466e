// One owner per PGlite folder (issue 6, point 1): a second data port on the folder forwards to the owner over
// 127.0.0.1, raw SQL is refused with the owner's name, a dead owner's lock is taken over at once, and a
// forwarder takes over when the owner stops. PGlite only: a PostgreSQL server has no such folder.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDataPort } from "../../functions/lib/db/index.ts";
import { claimOwnerLock, commandName, newToken, type OwnerLock, ownerLockPath } from "../../functions/lib/db/owner-lock.ts";
import type { PGliteDataPort } from "../../functions/lib/db/pglite.ts";
import { openConsultation } from "../../functions/lib/db/testing.ts";
import { seedDemo } from "../../scripts/seed-demo.ts";

const root = await mkdtemp(join(tmpdir(), "parlons-owner-"));
const dataDir = join(root, "pglite");
afterAll(() => rm(root, { recursive: true, force: true }));

const open = async () => (await createDataPort({ PARLONS_PGLITE_DIR: dataDir })) as PGliteDataPort;
const readLock = async () => JSON.parse(await readFile(ownerLockPath(dataDir), "utf8")) as OwnerLock;
const listed = (port: PGliteDataPort, slug: string) => port.call<{ total: number }>("list_propositions", { p_consultation_slug: slug });

describe("a PGlite folder has one owner", () => {
  let owner: PGliteDataPort;
  let guest: PGliteDataPort;
  let slug: string;

  it("writes a lock beside the folder and forwards a second port's calls to the owner", async () => {
    owner = await open();
    const lock = await readLock();
    expect(lock).toMatchObject({ pid: process.pid, port: expect.any(Number), command: expect.any(String) });
    expect(lock.token).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(lock.started_at)).not.toBeNaN();
    // The token opens every action: other users of the machine cannot read it.
    expect((await stat(ownerLockPath(dataDir))).mode & 0o777).toBe(0o600);

    guest = await open();
    ({ slug } = await openConsultation(guest));
    await expect(listed(owner, slug)).resolves.toEqual({ total: 0, items: [], viewer: null });
    await expect(listed(guest, "nulle-part")).rejects.toMatchObject({ name: "AppError", code: "consultation_not_found", status: 404 });
    // A database error (22P02, a malformed uuid) arrives as the same AppError, its SQLSTATE and action kept for the logs.
    await expect(guest.call("get_proposition", { p_proposition_id: "pas-un-uuid" })).rejects.toMatchObject({
      code: "invalid_input",
      action: "get_proposition",
      cause: { code: "22P02" },
    });
  });

  it("refuses raw SQL in a forwarder, naming the owner's command and pid", async () => {
    const { command, pid } = await readLock();
    const inUse = `in use by ${command} (pid ${pid})`;
    expect(() => guest.db).toThrow(inUse);
    await expect(seedDemo(guest)).rejects.toThrow(inUse);
    await expect(owner.db.query("select 1 as one")).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });

  it("answers only callers that carry the lock's token", async () => {
    const { port } = await readLock();
    const call = JSON.stringify({ action: "sync_consultation", args: { p_consultation: { slug: "sans-jeton", title: "Intrus" } } });
    for (const authorization of [undefined, "Bearer nope", `Bearer ${"0".repeat(64)}`]) {
      const response = await fetch(`http://127.0.0.1:${port}/call`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: call,
      });
      expect(response.status).toBe(403);
    }
    await expect(listed(owner, "sans-jeton")).rejects.toMatchObject({ code: "consultation_not_found" });
  });

  it("hands the folder to a forwarder when the owner stops, keeping the data", async () => {
    await owner.close();
    await expect(readFile(ownerLockPath(dataDir))).rejects.toMatchObject({ code: "ENOENT" });
    await expect(listed(guest, slug)).resolves.toEqual({ total: 0, items: [], viewer: null });
    expect((await readLock()).pid).toBe(process.pid);
    await expect(guest.db.query("select 1 as one")).resolves.toMatchObject({ rows: [{ one: 1 }] });
    await guest.close();
  });

  it("takes over at once a lock whose process is dead", async () => {
    const dead = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
    const stale: OwnerLock = { pid: Number(dead.stdout), port: 9, token: "f".repeat(64), command: "npm start", started_at: new Date().toISOString() };
    await writeFile(ownerLockPath(dataDir), JSON.stringify(stale));
    const started = Date.now();
    const port = await open();
    try {
      expect(Date.now() - started).toBeLessThan(60_000);
      expect((await readLock()).pid).toBe(process.pid);
      await expect(listed(port, slug)).resolves.toEqual({ total: 0, items: [], viewer: null });
    } finally {
      await port.close();
    }
  });
});

describe("claiming a lock", () => {
  // A live owner's endpoint must answer, or its lock counts as dead: one real listener stands for all claimants.
  const listener = createServer();
  afterAll(() => new Promise((done) => listener.close(done)));

  it.each([
    ["a free folder", false],
    ["a dead owner's folder", true],
  ])("gives %s to exactly one of many processes starting at once", async (_case, stale) => {
    if (!listener.listening) await new Promise<void>((done) => listener.listen(0, "127.0.0.1", done));
    const port = (listener.address() as { port: number }).port;
    const folder = join(root, `race-${stale}`);
    if (stale) await writeFile(ownerLockPath(folder), JSON.stringify({ pid: 2 ** 22 + 1, port: 9, token: "dead" }));
    const claims = await Promise.all(Array.from({ length: 12 }, () => claimOwnerLock(folder, { token: newToken(), port })));
    const winners = claims.filter((claim) => claim.mine);
    expect(winners).toHaveLength(1);
    for (const claim of claims) expect(claim.lock.token).toBe(winners[0]!.lock.token);
  });
});

describe("the owner's command in messages", () => {
  const dev = resolve("scripts/dev.ts");
  it.each([
    [{ npm_lifecycle_event: "start", npm_lifecycle_script: "tsx scripts/dev.ts" }, dev, "npm start"],
    [{ npm_lifecycle_event: "build", npm_lifecycle_script: "tsx scripts/build.ts" }, resolve("scripts/build.ts"), "npm run build"],
    // npm test running a test that spawns the dev server: the script is not npm's.
    [{ npm_lifecycle_event: "test", npm_lifecycle_script: "vitest run" }, dev, join("scripts", "dev.ts")],
    [{}, dev, join("scripts", "dev.ts")],
  ])("%o running %s is %s", (env, script, expected) => {
    expect(commandName(env, [process.execPath, script])).toBe(expected);
  });
});
