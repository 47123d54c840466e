// Issue 7, point 4: an HTTP request is one database call. The session cookie's id goes to the SQL action, which
// resolves the live citizen itself; no request asks touch_session first (only GET /api/session, which has no
// other call).
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { slugs, startHarness, type Harness } from "../../functions/lib/testing/harness.ts";
import { invoke, request, type Entry } from "../../functions/lib/testing/requests.ts";
import { signedInCookie } from "../../functions/lib/testing/sign-in.ts";
import * as accountPage from "../../functions/api/page-account.ts";
import * as commentReplies from "../../functions/api/comment-replies.ts";
import * as comments from "../../functions/api/comments.ts";
import * as detailPage from "../../functions/api/page-proposition.ts";
import * as displayName from "../../functions/api/me-display-name.ts";
import * as listPage from "../../functions/api/page-propositions.ts";
import * as me from "../../functions/api/me.ts";
import * as proposition from "../../functions/api/proposition.ts";
import * as propositions from "../../functions/api/propositions.ts";
import * as repliesPage from "../../functions/api/page-comment-replies.ts";
import * as session from "../../functions/api/session.ts";
import * as signOut from "../../functions/api/auth-sign-out.ts";
import * as support from "../../functions/api/support.ts";

let h: Harness;
let cookie: string;
let propositionId: string;
let commentId: string;
beforeAll(async () => {
  h = await startHarness();
  const author = await signedInCookie();
  const made = await invoke(propositions, request(`/api/consultations/${slugs.open}/propositions`, { json: { title: "Un banc", body: "À l'ombre." }, cookie: author }));
  propositionId = ((await made.json()) as { proposition: { id: string } }).proposition.id;
  const said = await invoke(comments, request(`/api/propositions/${propositionId}/comments`, { json: { body: "Oui." }, cookie: author }));
  commentId = ((await said.json()) as { comment: { id: string } }).comment.id;
});

let actions: string[];
beforeEach(async () => {
  cookie = await signedInCookie();
  actions = [];
  const call = h.port.call.bind(h.port);
  vi.spyOn(h.port, "call").mockImplementation((action, args) => {
    actions.push(action);
    return call(action, args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const detail = `/consultations/${slugs.open}/propositions`;
const cases: [string, string, () => [Entry, Request]][] = [
  ["support", "support_proposition", () => [support, request(`/api/propositions/${propositionId}/support`, { json: { action: "support" }, cookie })]],
  ["withdraw", "withdraw_support", () => [support, request(`/api/propositions/${propositionId}/support`, { method: "DELETE", json: {}, cookie })]],
  ["propose", "submit_proposition", () => [propositions, request(`/api/consultations/${slugs.open}/propositions`, { json: { title: "Une idée", body: "Simple." }, cookie })]],
  ["comment", "comment_proposition", () => [comments, request(`/api/propositions/${propositionId}/comments`, { json: { body: "D'accord." }, cookie })]],
  ["name", "set_display_name", () => [displayName, request("/api/me/display-name", { json: { display_name: "Lou" }, cookie })]],
  ["export", "export_citizen_data", () => [me, request("/api/me", { accept: "application/json", cookie })]],
  ["erase", "delete_citizen", () => [me, request("/api/me", { method: "DELETE", json: {}, cookie })]],
  ["sign out", "sign_out", () => [signOut, request("/api/auth/sign-out", { json: { everywhere: true }, cookie })]],
  ["account page", "export_citizen_data", () => [accountPage, request("/compte/", { cookie })]],
  ["list page", "list_propositions", () => [listPage, request(`${detail}/`, { cookie })]],
  ["list JSON", "list_propositions", () => [propositions, request(`/api/consultations/${slugs.open}/propositions`, { accept: "application/json", cookie })]],
  ["proposition page", "get_proposition", () => [detailPage, request(`${detail}/${propositionId}/`, { cookie })]],
  ["proposition JSON", "get_proposition", () => [proposition, request(`/api/propositions/${propositionId}`, { accept: "application/json", cookie })]],
  ["replies page", "list_comment_replies", () => [repliesPage, request(`${detail}/${propositionId}/reponses/${commentId}/`, { cookie })]],
  ["replies fragment", "list_comment_replies", () => [commentReplies, request(`/api/comments/${commentId}/replies?format=fragment`, { cookie })]],
  ["session", "touch_session", () => [session, request("/api/session", { accept: "application/json", cookie })]],
];

describe("one database call per request", () => {
  it.each(cases)("%s: %s alone", async (_, action, make) => {
    const res = await invoke(...make());
    expect(res.status, await res.clone().text()).toBeLessThan(400);
    expect(actions).toEqual([action]);
  });

  it("a signed-out cookie replayed on an action is refused by that one call", async () => {
    await invoke(signOut, request("/api/auth/sign-out", { json: {}, cookie }));
    actions = [];
    const res = await invoke(support, request(`/api/propositions/${propositionId}/support`, { json: { action: "support" }, cookie }));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "session_expired" } });
    expect(actions).toEqual(["support_proposition"]);
  });

  it("a signed-in page knows its citizen from that one call", async () => {
    await invoke(displayName, request("/api/me/display-name", { json: { display_name: "Lou" }, cookie }));
    const page = await (await invoke(detailPage, request(`${detail}/${propositionId}/`, { cookie }))).text();
    expect(page).toContain("Lou");
    await invoke(signOut, request("/api/auth/sign-out", { json: {}, cookie }));
    const signedOut = await (await invoke(detailPage, request(`${detail}/${propositionId}/`, { cookie }))).text();
    expect(signedOut).not.toContain("Lou");
  });
});
