// Runs before the test suite: the browser tests need a real Chromium, and they must never be skipped quietly.
// Finds it (CHROMIUM_PATH, then Debian's paths); installs Debian's package when running as root; else fails.
import { accessSync, constants } from "node:fs";
import { spawnSync } from "node:child_process";

function candidates(env: NodeJS.ProcessEnv): string[] {
  return [env["CHROMIUM_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((path): path is string => Boolean(path));
}

/** The first executable among CHROMIUM_PATH and Debian's paths. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return candidates(env).find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

function install(): void {
  if (process.getuid?.() !== 0) return;
  console.log("Chromium not found: installing Debian's chromium package (apt-get)…");
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"]);
}

async function main(): Promise<void> {
  const found = findChromium() ?? (install(), findChromium());
  if (found) {
    console.log(`Chromium: ${found}`);
    return;
  }
  console.error(
    [
      "The browser tests need Chromium and none was found.",
      `Looked at: ${candidates(process.env).join(", ")}.`,
      "Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to its executable,",
      "then run the tests again. They are not skipped.",
    ].join("\n"),
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
