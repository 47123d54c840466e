// The content rules, in one browser-safe module (no node: import): the build's loader and the Decap editor both
// call checkEntry, so the editor refuses exactly what the build would refuse, with the same sentences.
export { checkEntry, relationIssues, type EntryContext, type Exists } from "./entry.ts";
export { fileCodes, ruleCodes, type FileCode, type IssueCode, type Param, type Path, type RuleCode, type RuleIssue } from "./issues.ts";
export { childFields, issueMessage, labelTrail } from "./messages.ts";
export { decapSlug, slugRefusal } from "./slug.ts";
export { isData, stripEmpty, type Data } from "./values.ts";
