// The one door from the functions to the database (docs/ARCHITECTURE.md, "Data port"). Every business rule
// lives in the SQL action behind it; adapters only carry the call: PGlite, any Postgres URL, or Supabase.

/** Every SQL action (schema public), one per citizen or build action. */
export const actionNames = [
  "sync_consultation",
  "request_sign_in",
  "consume_sign_in_link",
  "consume_sign_in_code",
  "touch_session",
  "sign_out",
  "set_display_name",
  "submit_proposition",
  "support_proposition",
  "withdraw_support",
  "comment_proposition",
  "list_propositions",
  "get_proposition",
  "list_comment_replies",
  "build_snapshot",
  "export_citizen_data",
  "delete_citizen",
  "purge_expired_data",
] as const;

export type ActionName = (typeof actionNames)[number];

/** Named arguments of an action, all `p_`-prefixed as in the SQL signatures. Undefined means "use the default". */
export type ActionArgs = Record<string, unknown>;

export interface DataPort {
  /**
   * Calls one SQL action with named arguments; resolves to its jsonb result.
   * Rejects with an AppError (functions/lib/http/errors.ts) carrying the action's machine code, whether the
   * action raised it or returned it as `{ error: code }` (done when the refusal must persist state, e.g. a
   * counted sign-in code attempt).
   */
  call<T = unknown>(action: ActionName, args: ActionArgs): Promise<T>;
  close(): Promise<void>;
}
