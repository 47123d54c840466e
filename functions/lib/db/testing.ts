/**
 * Helpers for tests that need a real database (never a mock):
 *
 * - `createTestDataPort()`: a fresh in-memory PGlite, migrated. Starting PGlite takes about 3–4 s: create one
 *   per test file (`beforeAll`) and give each test its own consultation and citizens rather than a new port.
 * - `createPostgresTestDataPort(serverUrl)`: a fresh database on a real server, migrated, left for the cluster's
 *   teardown to discard. The server URL comes
 *   from `inject("pgUrl")` (tests/setup/global.ts); it is null when no PostgreSQL binaries are installed.
 * - Both give a `TestDataPort`: the DataPort plus `sql` (as the database owner, for setup and inspection, e.g.
 *   ageing a sign-in request) and `sqlAs` (one statement as an API role, rolled back: RLS and grant checks).
 * - `openConsultation(port, options?)`: syncs a consultation whose idea box phase is open now.
 * - `signIn(port, email?)`: a citizen with a session, through request_sign_in and consume_sign_in_link.
 * - `randomHash()`: a 64-hex string shaped like the token, code and IP hashes the actions expect.
 *
 * Functions-level tests that go through `getDataPort()` instead set PARLONS_PGLITE_DIR=memory:// and pass the
 * shared port to `openConsultation` and `signIn`.
 */
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { ideabox } from "../../../site/_lib/modules/ideabox.ts";
import { createPGliteDataPort } from "./pglite.ts";
import type { DataPort } from "./port.ts";
import { createPostgresDataPort } from "./postgres.ts";

export type ApiRole = "anon" | "authenticated" | "service_role";

export interface TestDataPort extends DataPort {
  /** Runs SQL as the database owner, outside the actions. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs one statement as an API role inside a transaction that is then rolled back. */
  sqlAs<T = Record<string, unknown>>(role: ApiRole, text: string, params?: unknown[]): Promise<T[]>;
}

const apiRoles: readonly ApiRole[] = ["anon", "authenticated", "service_role"];
function checkedRole(role: ApiRole): ApiRole {
  if (!apiRoles.includes(role)) throw new Error(`Not an API role: ${role}`);
  return role;
}

export async function createTestDataPort(): Promise<TestDataPort> {
  const port = await createPGliteDataPort("memory://");
  const { db } = port;
  return {
    call: (action, args) => port.call(action, args),
    close: () => port.close(),
    sql: async <T>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
    sqlAs: <T>(role: ApiRole, text: string, params?: unknown[]) =>
      db.transaction(async (tx) => {
        await tx.query(`set local role ${checkedRole(role)}`);
        const { rows } = await tx.query<T>(text, params);
        await tx.rollback();
        return rows;
      }),
  };
}

/** A new database on the (throwaway) server at `serverUrl`, migrated. */
export async function createPostgresTestDataPort(serverUrl: string, options: { max?: number } = {}): Promise<TestDataPort> {
  const name = `parlons_test_${randomUUID().replaceAll("-", "")}`;
  const server = new pg.Client({ connectionString: serverUrl });
  await server.connect();
  await server.query(`create database ${name}`);
  await server.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const port = await createPostgresDataPort({ connectionString: url.href, ...options });
  const owner = new pg.Pool({ connectionString: url.href, max: 2 });
  return {
    call: (action, args) => port.call(action, args),
    // The database stays until the throwaway cluster stops: dropping it here would race the pool's sockets.
    async close() {
      await port.close();
      await owner.end();
    },
    sql: async <T>(text: string, params?: unknown[]) => (await owner.query(text, params)).rows as T[],
    async sqlAs<T>(role: ApiRole, text: string, params?: unknown[]) {
      const client = await owner.connect();
      try {
        await client.query("begin");
        await client.query(`set local role ${checkedRole(role)}`);
        return (await client.query(text, params)).rows as T[];
      } finally {
        await client.query("rollback");
        client.release();
      }
    },
  };
}

export function randomHash(): string {
  return randomBytes(32).toString("hex");
}

/** Per-phase settings of the idea box, as the content loader fills them: the manifest defaults. */
export const ideaboxDefaults = Object.fromEntries(
  Object.entries(ideabox.phaseSettings).map(([name, setting]) => [name, setting.default]),
) as { submissions_open: boolean; supports_open: boolean; comments_open: boolean; max_propositions_per_citizen: number };

export interface ConsultationFixture {
  slug: string;
  themes: string[];
  districts: string[];
}

export interface ConsultationOptions {
  slug?: string;
  /** Overrides of the open phase's idea box settings; `null` runs the phase without the idea box. */
  ideabox?: Partial<typeof ideaboxDefaults> | null;
  /** Where the only phase sits relative to now. */
  phase?: "open" | "past" | "future";
}

const day = 86_400_000;
const phaseWindows = { open: [-1, 30], past: [-30, -1], future: [1, 30] } as const;

/** Syncs a consultation with a single phase (open now by default) and two themes and districts. */
export async function openConsultation(port: DataPort, options: ConsultationOptions = {}): Promise<ConsultationFixture> {
  const fixture = {
    slug: options.slug ?? `test-${randomUUID().slice(0, 8)}`,
    themes: ["mobilite", "environnement"],
    districts: ["Centre", "Nord"],
  };
  const [startDays, endDays] = phaseWindows[options.phase ?? "open"];
  const now = Date.now();
  await port.call("sync_consultation", {
    p_consultation: {
      ...fixture,
      title: "Consultation de test",
      visibility: "public",
      phases: [
        {
          position: 0,
          title: "Idées",
          starts_at: new Date(now + startDays * day).toISOString(),
          ends_at: new Date(now + endDays * day).toISOString(),
          modules: options.ideabox === null ? {} : { ideabox: { ...ideaboxDefaults, ...options.ideabox } },
        },
      ],
    },
  });
  return fixture;
}

export interface SignedIn {
  citizen_id: string;
  session_id: string;
  email: string;
}

/** Signs a citizen in through a mailed link (request + consume), as the sign-in function does. */
export async function signIn(port: DataPort, email = `citizen-${randomUUID()}@example.org`): Promise<SignedIn> {
  const token = randomHash();
  await port.call("request_sign_in", { p_email: email, p_ip_hash: randomHash(), p_token_hash: token, p_code_hash: randomHash() });
  const session = await port.call<{ citizen_id: string; session_id: string }>("consume_sign_in_link", {
    p_token_hash: token,
    p_user_agent: "vitest",
  });
  return { ...session, email };
}
