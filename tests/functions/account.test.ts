// The account page and the display name through the functions: real Requests, PGlite, the site shell fallback.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { slugs, startHarness, type Harness } from "../../functions/lib/testing/harness.ts";
import { invoke, request } from "../../functions/lib/testing/requests.ts";
import { signedInCookie } from "../../functions/lib/testing/sign-in.ts";
import * as accountPage from "../../functions/api/page-account.ts";
import * as displayName from "../../functions/api/me-display-name.ts";
import * as me from "../../functions/api/me.ts";
import * as propositions from "../../functions/api/propositions.ts";
import * as listPage from "../../functions/api/page-propositions.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});

const newEmail = () => `compte-${randomUUID()}@exemple.fr`;

async function page(cookie: string, path = "/compte/") {
  const res = await invoke(accountPage, request(path, { cookie }));
  expect(res.status).toBe(200);
  return res.text();
}

describe("account page", () => {
  it("sends someone signed out to the sign-in page, coming back here", async () => {
    for (const [path, signIn] of [["/compte/", "/connexion/"], ["/en/compte/", "/en/connexion/"]] as const) {
      const res = await invoke(accountPage, request(path));
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${signIn}?return_to=${encodeURIComponent(path)}`);
    }
    const stale = await invoke(accountPage, request("/compte/", { cookie: "parlons_session=00000000-0000-4000-8000-000000000000.abc" }));
    expect(stale.status).toBe(303);
  });

  it("shows the email and every form, labelled, to the signed-in citizen", async () => {
    const email = newEmail();
    const markup = await page(await signedInCookie(email));
    expect(markup).toContain("<title>Mon compte</title>");
    expect(markup).toContain(`<dd>${email}</dd>`);
    expect(markup).toContain('<form class="pl-form" id="account-name" method="post" action="/api/me/display-name" novalidate>');
    expect(markup).toContain('<label class="pl-field__label" for="account-name-display_name">Nom d’affichage</label>');
    expect(markup).toContain("Affiché avec vos propositions et commentaires ; laissez vide pour rester anonyme");
    expect(markup).toContain('aria-describedby="account-name-display_name-hint"');
    expect(markup).toContain('maxlength="60"');
    expect(markup).toContain('<a href="/api/me">Télécharger mes données (JSON)</a>');
    expect(markup).toContain(">Se déconnecter</button>");
    expect(markup).toContain('<input type="hidden" name="everywhere" value="true">');
    expect(markup).toContain(">Se déconnecter de tous les appareils</button>");
    expect(markup).toContain('<input type="checkbox" id="account-delete-confirm" name="confirm" value="yes">');
    expect(markup).toContain('<label for="account-delete-confirm">');
    expect(markup).not.toContain('role="alert"');
  });

  it("speaks English under /en/", async () => {
    const markup = await page(await signedInCookie(), "/en/compte/");
    expect(markup).toContain('<html lang="en">');
    expect(markup).toContain("<title>My account</title>");
    expect(markup).toContain('name="return_to" value="/en/compte/"');
  });
});

describe("display name", () => {
  it("is set from the plain form, 303 back with a flash, shown in the form and as the author of a new proposition", async () => {
    const cookie = await signedInCookie();
    const res = await invoke(displayName, request("/api/me/display-name", {
      form: { display_name: "  Camille des Tilleuls ", return_to: "/compte/", lang: "fr" },
      cookie,
    }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/compte/?flash=display_name_saved");
    const markup = await page(cookie, res.headers.get("location")!);
    expect(markup).toContain("Votre nom d’affichage est enregistré.");
    expect(markup).toContain('value="Camille des Tilleuls"');

    const created = await invoke(propositions, request(`/api/consultations/${slugs.open}/propositions`, {
      json: { title: "Un banc signé", body: "Près de la mairie." },
      cookie,
    }));
    expect(created.status).toBe(201);
    const { proposition } = (await created.json()) as { proposition: { id: string; author_name: string | null } };
    expect(proposition.author_name).toBe("Camille des Tilleuls");
    const listed = await invoke(propositions, request(`/api/consultations/${slugs.open}/propositions`, { accept: "application/json" }));
    const { items } = (await listed.json()) as { items: { id: string; author_name: string | null }[] };
    expect(items.find((item) => item.id === proposition.id)?.author_name).toBe("Camille des Tilleuls");
  });

  it("is set and cleared as JSON", async () => {
    const cookie = await signedInCookie();
    const set = await invoke(displayName, request("/api/me/display-name", { json: { display_name: "Dominique" }, cookie }));
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ display_name: "Dominique" });
    const cleared = await invoke(displayName, request("/api/me/display-name", { json: { display_name: "   " }, cookie }));
    expect(await cleared.json()).toEqual({ display_name: null });
    const exported = await invoke(me, request("/api/me", { cookie, accept: "application/json" }));
    expect(await exported.json()).toMatchObject({ citizen: { display_name: null } });
  });

  it("is cleared from the form with an empty field, back to « Une personne »", async () => {
    const cookie = await signedInCookie();
    await invoke(displayName, request("/api/me/display-name", { json: { display_name: "Provisoire" }, cookie }));
    const res = await invoke(displayName, request("/api/me/display-name", { form: { display_name: "", return_to: "/compte/" }, cookie }));
    expect(res.headers.get("location")).toBe("/compte/?flash=display_name_cleared");
    await invoke(propositions, request(`/api/consultations/${slugs.open}/propositions`, { json: { title: "Sans nom", body: "Anonyme." }, cookie }));
    const live = await (await invoke(listPage, request(`/consultations/${slugs.open}/propositions/`, { cookie }))).text();
    expect(live).toContain('<a href="/compte/">Mon compte</a>');
    expect(live).not.toContain("Provisoire");
  });

  it("shows the form again with an error summary and the typed text when the name is too long", async () => {
    const cookie = await signedInCookie();
    const typed = `${"Très long nom ".repeat(5)}<b>`;
    const res = await invoke(displayName, request("/api/me/display-name", { form: { display_name: typed, return_to: "/compte/" }, cookie }));
    expect(res.status).toBe(400);
    const markup = await res.text();
    expect(markup).toContain("<title>Erreur : Mon compte</title>");
    expect(markup).toContain('class="pl-error-summary" role="alert"');
    expect(markup).toContain('<a href="#account-name-display_name">');
    expect(markup).toContain("60 caractères au maximum");
    expect(markup).toContain(`value="${typed.trim().replace("<", "&lt;").replace(">", "&gt;")}"`);
    expect(markup).toContain('aria-describedby="account-name-display_name-hint account-name-display_name-error"');
    expect(markup).toContain('aria-invalid="true"');
    expect(await h.count("citizens", "display_name is not null and display_name like 'Très long%'")).toBe(0);
  });

  it("refuses control and invisible characters, as JSON with the field named", async () => {
    const cookie = await signedInCookie();
    for (const name of ["Al\u202eain", "Bip\u0007"]) {
      const res = await invoke(displayName, request("/api/me/display-name", { json: { display_name: name }, cookie }));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "invalid_input", details: { display_name: expect.stringContaining("caractères invisibles") } } });
    }
  });

  it("needs a session and same-origin proof", async () => {
    const anonymous = await invoke(displayName, request("/api/me/display-name", { form: { display_name: "Personne", return_to: "/compte/" } }));
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe(`/connexion/?return_to=${encodeURIComponent("/compte/")}`);
    const cookie = await signedInCookie();
    const forged = await invoke(displayName, request("/api/me/display-name", {
      json: { display_name: "Piégé" }, cookie, sameOrigin: false, headers: { origin: "https://evil.example" },
    }));
    expect(forged.status).toBe(403);
    expect(await h.count("citizens", "display_name = 'Piégé'")).toBe(0);
    const huge = await invoke(displayName, request("/api/me/display-name", { json: { display_name: "x".repeat(20_000) }, cookie }));
    expect(huge.status).toBe(413);
  });
});

describe("account deletion from the page", () => {
  it("needs the confirmation box: without it the page comes back with the error, and nothing is deleted", async () => {
    const email = newEmail();
    const cookie = await signedInCookie(email);
    const res = await invoke(me, request("/api/me", { form: { action: "delete", return_to: "/connexion/" }, cookie }));
    expect(res.status).toBe(400);
    const markup = await res.text();
    expect(markup).toContain('<a href="#account-delete-confirm">');
    expect(markup).toContain("Cochez la case pour confirmer la suppression de votre compte.");
    expect(markup).toContain('aria-describedby="account-delete-confirm-error"');
    expect(await h.count("citizens", "email = $1", [email])).toBe(1);

    const confirmed = await invoke(me, request("/api/me", { form: { action: "delete", confirm: "yes", return_to: "/connexion/" }, cookie }));
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toBe("/connexion/?flash=deleted");
    expect(await h.count("citizens", "email = $1", [email])).toBe(0);
  });
});
