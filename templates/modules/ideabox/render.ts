// The one markup source of the idea box, used by the functions (live pages, fragments) and by the static
// build (site/_config/ideabox.ts). Every citizen string goes through the escaping `html` tag.
export { renderList, renderListContent } from "./list.ts";
export { renderDetail, renderDetailContent } from "./detail.ts";
export { renderReplies, renderRepliesContent } from "./replies.ts";
export { limits } from "./forms.ts";
export { errorSummary, hiddenContext, textInput } from "./fields.ts";
export { html, raw, escapeHtml, SafeHtml } from "./html.ts";
export { urls } from "./urls.ts";
export type * from "./types.ts";
