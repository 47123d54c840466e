// Runs `onChange` once per burst of file changes under a folder (editors and Decap write several files).
import { watch, type FSWatcher } from "node:fs";

export function watchFolder(dir: string, onChange: () => Promise<void>, delayMs = 200): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  return watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(onChange).catch((error: unknown) => console.error(error instanceof Error ? error.message : error));
    }, delayMs);
  });
}
