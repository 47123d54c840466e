// Sends a mail: SMTP through nodemailer when SMTP_URL is set (production), else the local outbox. nodemailer
// stays out of the function bundles (netlify.toml's external_node_modules) and is loaded on the first mail.
import type { Transporter } from "nodemailer";
import { isProduction } from "../auth/secret.ts";
import { type Mail, writeToOutbox } from "./outbox.ts";

let transport: Transporter | undefined;

function sender(): string {
  return process.env.MAIL_FROM ?? "Parlons <no-reply@parlons.invalid>";
}

export async function sendMail(mail: Mail): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) {
    if (isProduction()) throw new Error("SMTP_URL is required in production");
    await writeToOutbox(mail, sender());
    return;
  }
  transport ??= (await import("nodemailer")).createTransport(url);
  await transport.sendMail({ from: sender(), ...mail });
}
