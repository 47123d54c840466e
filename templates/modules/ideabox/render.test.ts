import { describe, expect, it } from "vitest";
import { detailExamples, hostile, listExamples, repliesExamples } from "./examples.ts";
import { escapeHtml, html, raw } from "./html.ts";
import { shownPages } from "./pager.ts";
import { renderDetail, renderList, renderListContent, renderReplies } from "./render.ts";

describe("html tag", () => {
  it("escapes every interpolated string, and only those", () => {
    expect(html`<p title="${hostile}">${hostile}</p>`.value).toBe(
      "<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &#96;tick&#96;\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &#96;tick&#96;</p>",
    );
    expect(html`${raw("<b>ok</b>")}${["<", html`<i>`]}${null}${false}${0}`.value).toBe("<b>ok</b>&lt;<i>0");
    expect(escapeHtml("a&b")).toBe("a&amp;b");
  });
});

const views = [
  ...Object.entries(listExamples).map(([name, v]) => [`list: ${name}`, renderList(v).value] as const),
  ...Object.entries(detailExamples).map(([name, v]) => [`detail: ${name}`, renderDetail(v).value] as const),
  ...Object.entries(repliesExamples).map(([name, v]) => [`replies: ${name}`, renderReplies(v).value] as const),
];

describe.each(views)("%s", (_name, markup) => {
  it("never lets citizen text become markup", () => {
    expect(markup).not.toContain("<script>");
    expect(markup).not.toMatch(/<[a-z]+[^>]*\son[a-z]+=/i);
  });

  it("has no inline style or script (strict CSP)", () => {
    expect(markup).not.toMatch(/\sstyle=/);
    expect(markup).not.toMatch(/<script|<style/);
  });

  it("labels every field and gives every id once", () => {
    const ids = [...markup.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, id] of markup.matchAll(/<(?:input|textarea|select)(?![^>]*type="hidden")[^>]*\sid="([^"]+)"/g)) {
      expect(markup, `label for ${id}`).toContain(`for="${id}"`);
    }
  });
});

describe("list", () => {
  it("names the support toggle with its count and carries its state in aria-pressed", () => {
    const off = renderList(listExamples["open, signed in"]!).value;
    expect(off).toMatch(/aria-pressed="false">\s*<span class="ideabox-support__mark" aria-hidden="true">\+<\/span>\s*Soutenir <span class="ideabox-support__count">\(3 soutiens\)<\/span>/);
    const on = renderList(listExamples["supported by the citizen"]!).value;
    expect(on).toContain('aria-pressed="true"');
    expect(on).toContain('name="action" value="withdraw"');
  });

  it("shows the form to a signed-in citizen, a sign-in link to others, a link to the live form in the snapshot", () => {
    expect(renderList(listExamples["open, signed in"]!).value).toContain('<form class="ideabox-form" id="ideabox-proposition"');
    expect(renderList(listExamples["open, anonymous"]!).value).toContain('href="/connexion/?return_to=%2Fconsultations%2Fvelo%2Fpropositions%2F"');
    const snapshot = renderList(listExamples["open, build snapshot"]!).value;
    expect(snapshot).toContain('href="/consultations/velo/propositions/#ideabox-proposition"');
    expect(snapshot).toContain("data-snapshot");
  });

  it("is read-only for a finished phase: counts but no form", () => {
    const markup = renderList(listExamples["finished phase"]!).value;
    expect(markup).toContain("Cette phase est terminée");
    expect(markup).toContain("3 soutiens");
    expect(markup).not.toContain('method="post"');
  });

  it("shows a rejected form again with a linked summary and the text kept", () => {
    const markup = renderList(listExamples["form shown again"]!).value;
    expect(markup).toContain('<a href="#ideabox-proposition-title">Titre de votre proposition : Saisissez le titre.</a>');
    expect(markup).toContain('aria-invalid="true"');
    expect(markup).toContain(`&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &#96;tick&#96;</textarea>`);
  });

  it("speaks English when asked", () => {
    expect(renderList(listExamples.english!).value).toContain("Support <span class=\"ideabox-support__count\">(3 supports)</span>");
  });

  it("names themes and districts in the page's language, their values staying the stored French names", () => {
    const markup = renderList(listExamples.english!).value;
    expect(markup).toContain('<option value="Mobilité">Getting around</option>');
    expect(markup).toContain('<option value="Centre">Town centre</option>');
    expect(markup).toContain("District: Town centre");
  });

  it("answers the content element alone as a fragment", () => {
    expect(renderListContent(listExamples.empty!).value).toMatch(/^<div class="ideabox__content" data-ideabox-content>/);
  });
});

describe("detail", () => {
  it("offers replies to root comments only, and reopens the reply form that failed", () => {
    const markup = renderDetail(detailExamples["reply shown again"]!).value;
    expect(markup).toContain('id="ideabox-reply-33333333-3333-4333-8333-333333333333"');
    expect(markup).not.toContain('id="ideabox-reply-44444444');
    expect(markup).toMatch(/<details class="ideabox-reply" open>/);
    expect(markup).toContain('value="for" checked');
  });

  it("hides comment forms when comments are closed", () => {
    expect(renderDetail(detailExamples["comments closed"]!).value).not.toContain("ideabox-comment-form");
  });
});

describe("pager", () => {
  it("links the neighbouring pages of the live list, keeping sort and filters", () => {
    const markup = renderList(listExamples["second of three pages"]!).value;
    expect(markup).toContain('href="/consultations/velo/propositions/?sort=popular&amp;theme=Mobilit%C3%A9&amp;page=1" rel="prev"');
    expect(markup).toContain('href="/consultations/velo/propositions/?sort=popular&amp;theme=Mobilit%C3%A9&amp;page=3" rel="next"');
    expect(markup).toContain("Page 2 sur 3");
    expect(renderList(listExamples["open, signed in"]!).value).not.toContain("ideabox-pager");
  });
});

describe("paged comments", () => {
  it("numbers the first, last and neighbouring pages, with gaps", () => {
    expect(shownPages(1, 1)).toEqual([1]);
    expect(shownPages(1, 9)).toEqual([1, 2, null, 9]);
    expect(shownPages(4, 9)).toEqual([1, null, 3, 4, 5, null, 9]);
    expect(shownPages(9, 9)).toEqual([1, null, 8, 9]);
    expect(shownPages(2, 3)).toEqual([1, 2, 3]);
  });

  it("pages a proposition's comments in a labelled nav that marks the current page, without JavaScript", () => {
    const markup = renderDetail(detailExamples["page 4 of 9, more replies"]!).value;
    const here = "/consultations/velo/propositions/11111111-1111-4111-8111-111111111111/";
    expect(markup).toContain('<nav class="ideabox-pager" aria-label="Pages de commentaires">');
    expect(markup).toContain(`href="${here}?page=3#ideabox-comments" rel="prev">Commentaires précédents</a>`);
    expect(markup).toContain(`href="${here}?page=5#ideabox-comments" rel="next">Commentaires suivants</a>`);
    expect(markup).toContain(`<a href="${here}?page=4#ideabox-comments" aria-label="Page 4" aria-current="page">4</a>`);
    expect(markup).toContain(`<a href="${here}#ideabox-comments" aria-label="Page 1">1</a>`);
    expect(markup).toContain("(200 commentaires)");
    expect(renderDetail(detailExamples["open, signed in"]!).value).not.toContain("ideabox-pager");
  });

  it("links a root's other replies to its replies view: « N autres réponses »", () => {
    const markup = renderDetail(detailExamples["page 4 of 9, more replies"]!).value;
    expect(markup).toContain(
      'href="/consultations/velo/propositions/11111111-1111-4111-8111-111111111111/reponses/33333333-3333-4333-8333-333333333333/">7 autres réponses<span class="pl-visually-hidden">',
    );
    expect(renderDetail(detailExamples.english!).value).toContain(">7 more replies<");
    expect(renderDetail(detailExamples["open, signed in"]!).value).not.toContain("ideabox-more-replies");
  });

  it("shows a cut reply as a preview with an ellipsis and « Lire la suite » to its full text on the replies view", () => {
    const markup = renderDetail(detailExamples["long replies shown as previews"]!).value;
    const thread = "/consultations/velo/propositions/11111111-1111-4111-8111-111111111111/reponses/33333333-3333-4333-8333-333333333333/";
    expect(markup).toContain("&#96;tick&#96;…</p>");
    for (const n of [6, 7]) {
      const id = `44444444-4444-4444-8444-00000000000${n}`;
      expect(markup).toContain(
        `<p class="ideabox-read-more"><a href="${thread}#comment-${id}" aria-describedby="comment-${id}-meta">Lire la suite<span class="pl-visually-hidden"> de la réponse de &lt;script&gt;`,
      );
    }
    expect(renderDetail(detailExamples["long replies shown as previews, english"]!).value).toContain(">Read more<span class=\"pl-visually-hidden\"> of the reply by ");
    // Replies shown whole carry neither.
    const whole = renderDetail(detailExamples["page 4 of 9, more replies"]!).value;
    expect(whole).not.toContain("ideabox-read-more");
    expect(whole).not.toContain("…</p>");
  });

  it("shows a replies page with the comment, its reply form, its pager and the way back to its page", () => {
    const markup = renderReplies(repliesExamples["second of six pages, signed in"]!).value;
    const here = "/consultations/velo/propositions/11111111-1111-4111-8111-111111111111/reponses/33333333-3333-4333-8333-333333333333/";
    expect(markup).toContain('href="/consultations/velo/propositions/11111111-1111-4111-8111-111111111111/?page=3#comment-33333333-3333-4333-8333-333333333333"');
    expect(markup).toContain('<nav class="ideabox-pager" aria-label="Pages de réponses">');
    expect(markup).toContain(`href="${here}#ideabox-replies" rel="prev"`);
    expect(markup).toContain(`href="${here}?page=3#ideabox-replies" rel="next"`);
    expect(markup).toContain('id="ideabox-reply-33333333-3333-4333-8333-333333333333"');
    expect(markup).toContain("120 réponses");
    expect(renderReplies(repliesExamples["reply shown again"]!).value).toMatch(/<details class="ideabox-reply" open>/);
    expect(renderReplies(repliesExamples["comments closed, english"]!).value).not.toContain("ideabox-comment-form");
  });
});

describe("proposition status", () => {
  const base = listExamples["open, anonymous"]!;
  const withStatus = (status: "published" | "rejected") =>
    renderList({ ...base, items: base.items.map((item) => ({ ...item, status })) }).value;

  it("shows the organizers' outcome as words, and no badge while a proposition is only published", () => {
    expect(withStatus("rejected")).toContain('<span class="ideabox-status ideabox-status--rejected">Non retenue</span>');
    expect(withStatus("published")).not.toContain("ideabox-status");
  });
});
