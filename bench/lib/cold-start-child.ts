// One cold start, in a fresh plain-Node process (bundled by cold-start.ts, never run under tsx, whose loader
// would slow every import): import one function bundle, answer one real Request, print the times as JSON.
// With `bundle` unset it measures the floor instead: import pg, connect and run `select 1`.
import { pathToFileURL } from "node:url";
import { routeRegExp } from "../../scripts/dev/functions.ts";

export interface ChildSpec {
  /** Absolute path of the bundle; absent for the baseline. */
  bundle?: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ChildResult {
  importMs: number;
  firstAnswerMs: number;
  status: number;
}

type FunctionModule = {
  default: (req: Request, context: { params: Record<string, string>; ip: string }) => Promise<Response>;
  config: { path: string | string[] };
};

function paramsFor(module: FunctionModule, pathname: string): Record<string, string> {
  for (const pattern of [module.config.path].flat()) {
    const match = routeRegExp(pattern).exec(pathname);
    if (match) return Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
  }
  throw new Error(`${pathname} matches none of the function's paths`);
}

async function functionColdStart(spec: ChildSpec & { bundle: string }): Promise<ChildResult> {
  const start = performance.now();
  const module = (await import(pathToFileURL(spec.bundle).href)) as FunctionModule;
  const imported = performance.now();
  const url = new URL(spec.url);
  const request = new Request(url, { method: spec.method, headers: spec.headers, ...(spec.body === undefined ? {} : { body: spec.body }) });
  const response = await module.default(request, { params: paramsFor(module, url.pathname), ip: "192.0.2.10" });
  await response.arrayBuffer();
  return { importMs: imported - start, firstAnswerMs: performance.now() - imported, status: response.status };
}

async function baseline(): Promise<ChildResult> {
  const start = performance.now();
  const { default: pg } = await import("pg");
  const imported = performance.now();
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("select 1");
  const answered = performance.now();
  await client.end();
  return { importMs: imported - start, firstAnswerMs: answered - imported, status: 200 };
}

/**
 * Node loads its fetch classes (undici) on their first use, about 40 ms. On Netlify the platform builds the
 * Request before our code runs, so that cost is Node's, not the bundle's: paid here before the clock starts.
 */
async function warmNodeFetchClasses(): Promise<void> {
  await new Response(new Request("http://localhost/", { method: "POST", body: "{}" }).body).arrayBuffer();
}

const spec = JSON.parse(process.argv[2] ?? "{}") as ChildSpec;
await warmNodeFetchClasses();
const result = spec.bundle ? await functionColdStart(spec as ChildSpec & { bundle: string }) : await baseline();
// The pg pool keeps the process alive: leave once the answer is out.
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
