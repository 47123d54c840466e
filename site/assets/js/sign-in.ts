// Bundle entry of the sign-in page (esbuild → /assets/js/sign-in.js): has the form's proof-of-work challenge
// (functions/lib/auth/proof-of-work.ts, ALTCHA's format) solved by a worker (sign-in-solver.ts) while the
// citizen types, and posts the solution with the form. The server asks for it only when many sign-ins come
// from one network; without this script the form still works, with a stricter per-email limit past that point.

import type { Challenge } from "./sign-in-solver.ts";

/** The solver's answer (null: none, or no worker); hashing runs in a worker so the page stays responsive. */
function solveInWorker(challenge: Challenge): Promise<number | null> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./sign-in-solver.js", import.meta.url), { type: "module" });
    const done = (number: number | null) => {
      worker.terminate();
      resolve(number);
    };
    worker.onmessage = (event: MessageEvent<number | null>) => done(event.data);
    worker.onerror = () => done(null);
    worker.postMessage(challenge);
  });
}

function start(form: HTMLFormElement): void {
  const field = form.elements.namedItem("proof");
  const status = form.querySelector<HTMLElement>("[data-proof-status]");
  if (!(field instanceof HTMLInputElement) || !crypto.subtle || typeof Worker === "undefined") return;
  const challenge = JSON.parse(form.dataset["proofChallenge"] ?? "null") as Challenge | null;
  if (!challenge || challenge.algorithm !== "SHA-256") return;

  const solving = solveInWorker(challenge)
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
