// /_dev/outbox: the mails the functions "sent" locally (sign-in links and codes), newest first, links
// clickable. Development only: the production server has no such route.
import type { OutboxMail } from "../../functions/lib/mail/outbox.ts";
import { escapeHtml } from "../../templates/modules/ideabox/html.ts";
import type { DevRoute } from "./server.ts";

function linkify(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

/** `list` gives the mails newest first (functions/lib/mail/outbox.ts `listOutbox`). */
export function outboxPage(list: () => Promise<OutboxMail[]>): DevRoute {
  return async () => {
    const mails = await list();
    const items = mails.map(
      (mail) => `<li><article>
<h2>${escapeHtml(mail.subject)}</h2>
<p>À : ${escapeHtml(mail.to)} · ${escapeHtml(new Date(mail.sentAt).toLocaleString("fr-FR", { timeZone: "Europe/Paris" }))}</p>
<pre>${linkify(mail.text)}</pre>
</article></li>`,
    );
    const body = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Courriels envoyés (développement)</title>
<link rel="icon" href="data:,"></head>
<body><main>
<h1>Courriels envoyés (développement)</h1>
<p>En local, les courriels ne partent pas : ils arrivent ici. Le plus récent est en haut.</p>
${items.length > 0 ? `<ol>${items.join("\n")}</ol>` : "<p>Aucun courriel pour l’instant.</p>"}
</main></body>
</html>`;
    // The empty icon spares a /favicon.ico request (and its 404) on this page outside the site.
    return new Response(body, {
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": "default-src 'none'; img-src data:; frame-ancestors 'none'" },
    });
  };
}
