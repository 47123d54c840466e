// What a citizen may send about their own account. The name's rules mirror private.is_display_name (SQL) so
// the form can name the fault; the database stays the final judge.
import * as z from "zod/mini";
import { hasControlCharacter, hasDisguiseCharacter, isVisibleText } from "../../../site/_lib/text/visible.ts";

export const displayNameMaxLength = 60;

/** An empty name (or null from JSON) clears it: the citizen signs « Une personne » again. */
export const displayNameInput = z.object({
  display_name: z.pipe(
    z.nullable(
      z.string().check(
        z.trim(),
        z.maxLength(displayNameMaxLength),
        // Control, zero-width and bidirectional characters could hide or disguise a name.
        z.refine((name) => !hasControlCharacter(name, { multiline: false }) && !hasDisguiseCharacter(name)),
        z.refine((name) => name === "" || isVisibleText(name)),
      ),
    ),
    z.transform((name) => name || null),
  ),
});

/** Erasing an account by POST needs the ticked "I understand" box; DELETE (fetch) confirms in its own UI. */
export const eraseInput = z.object({ action: z.literal("delete"), confirm: z.literal("yes") });
