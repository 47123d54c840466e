// Bundle entry of the sign-in page's worker (esbuild → /assets/js/sign-in-solver.js): finds the proof-of-work
// number off the main thread. Solving takes tens of thousands of hashes; on the page itself it held the main
// thread for about 10 s of long tasks on Lighthouse's mobile preset (total blocking time), while the citizen types.

export interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

const batch = 500;

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The n ≤ maxnumber with SHA-256(salt + n) = challenge, hashing a batch at a time; null if there is none. */
async function solve({ challenge, maxnumber, salt }: Challenge): Promise<number | null> {
  const encoder = new TextEncoder();
  for (let start = 0; start <= maxnumber; start += batch) {
    const numbers = Array.from({ length: Math.min(batch, maxnumber - start + 1) }, (_, i) => start + i);
    const digests = await Promise.all(numbers.map((n) => crypto.subtle.digest("SHA-256", encoder.encode(`${salt}${n}`))));
    const found = digests.findIndex((digest) => hex(digest) === challenge);
    if (found >= 0) return numbers[found]!;
  }
  return null;
}

// The DOM typings describe a window; this file runs as a dedicated worker.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Challenge>) => void) | null;
  postMessage(number: number | null): void;
};
scope.onmessage = (event) => {
  solve(event.data).then(scope.postMessage.bind(scope), () => scope.postMessage(null));
};
