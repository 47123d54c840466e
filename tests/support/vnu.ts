// The Nu Html Checker (vnu-jar's vnu.jar, run with the system's Java) over many HTML files in one Java start,
// which costs seconds. Without Java the valid-HTML suites are skipped with a warning, except in CI, where they
// must run (as the real-PostgreSQL suites must).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const vnuJar = String(createRequire(import.meta.url)("vnu-jar"));

export interface HtmlError {
  file: string;
  line: number | undefined;
  message: string;
  extract: string | undefined;
}

/** True when `java` runs; throws in CI, where the checker must run. */
export function javaAvailable(): boolean {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.status === 0) return true;
  const reason = "no working `java` on the PATH (apt-get install default-jre-headless)";
  if (process.env.CI === "true") throw new Error(`CI must run the valid-HTML suites, but there is ${reason}.`);
  console.warn(`[tests] Valid-HTML suites are skipped: ${reason}.`);
  return false;
}

/** The checker's errors (warnings left out) over `files`, named relative to `base`. */
export function htmlErrors(files: string[], base: string): HtmlError[] {
  const run = spawnSync("java", ["-jar", vnuJar, "--format", "json", "--errors-only", ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  // The report goes to stderr; the exit status is 1 when there are errors, so it proves nothing alone.
  const report = JSON.parse(run.stderr) as {
    messages: { type: string; url?: string; lastLine?: number; message: string; extract?: string }[];
  };
  return report.messages
    .filter((m) => m.type === "error" || m.type === "non-document-error")
    .map((m) => ({
      file: path.relative(base, decodeURIComponent(new URL(m.url ?? "file:///").pathname)),
      line: m.lastLine,
      message: m.message,
      extract: m.extract,
    }));
}
