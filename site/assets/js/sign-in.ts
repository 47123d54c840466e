// Bundle entry of the sign-in page (esbuild → /assets/js/sign-in.js): solves the form's proof-of-work
// challenge (functions/lib/auth/proof-of-work.ts, ALTCHA's format) with WebCrypto while the citizen types,
// and posts the solution with the form. The server asks for it only when many sign-ins come from one
// network; without this script the form still works, with a stricter per-email limit past that point.

interface Challenge {
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

function start(form: HTMLFormElement): void {
  const field = form.elements.namedItem("proof");
  const status = form.querySelector<HTMLElement>("[data-proof-status]");
  if (!(field instanceof HTMLInputElement) || !crypto.subtle) return;
  const challenge = JSON.parse(form.dataset["proofChallenge"] ?? "null") as Challenge | null;
  if (!challenge || challenge.algorithm !== "SHA-256") return;

  const solving = solve(challenge)
    .then((number) => {
      if (number === null) return;
      const { algorithm, salt, signature } = challenge;
      field.value = btoa(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature }));
    })
    .catch(() => undefined);

  // A citizen faster than the solver waits for it, so the post carries the proof; submit() fires no event.
  let waiting = false;
  form.addEventListener("submit", (event) => {
    if (field.value) return;
    event.preventDefault();
    if (waiting) return;
    waiting = true;
    if (status) status.hidden = false;
    void solving.then(() => form.submit());
  });
}

const form = document.querySelector<HTMLFormElement>("form[data-proof-challenge]");
if (form) start(form);
