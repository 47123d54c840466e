// Local mail: without SMTP_URL every message is written as a JSON file in the outbox folder, so a developer
// (and the browser tests) can open sign-in links at /_dev/outbox without a mail server.
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface OutboxMail extends Mail {
  id: string;
  from: string;
  /** ISO instant. */
  sentAt: string;
}

export function outboxDir(): string {
  return process.env.PARLONS_OUTBOX_DIR ?? join(".data", "outbox");
}

export async function writeToOutbox(mail: Mail, from: string): Promise<OutboxMail> {
  const dir = outboxDir();
  await mkdir(dir, { recursive: true });
  const sentAt = new Date().toISOString();
  const stored: OutboxMail = { id: randomUUID(), from, sentAt, ...mail };
  // The time prefix sorts files by sending order; the id keeps names unique within a millisecond.
  await writeFile(join(dir, `${sentAt.replace(/[:.]/g, "-")}-${stored.id}.json`), JSON.stringify(stored, null, 2));
  return stored;
}

/** Every mail in the outbox, newest first. */
export async function listOutbox(): Promise<OutboxMail[]> {
  let names: string[];
  try {
    names = (await readdir(outboxDir())).filter((name) => name.endsWith(".json"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const mails = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(join(outboxDir(), name), "utf8")) as OutboxMail),
  );
  return mails.sort((a, b) => b.sentAt.localeCompare(a.sentAt) || b.id.localeCompare(a.id));
}
