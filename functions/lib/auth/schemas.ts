import * as z from "zod/mini";

// Lowercased here and compared case-insensitively (citext) in SQL; checks run in order, trimming first.
export const email = z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254), z.email());

export const signInInput = z.object({ email });

export const codeInput = z.object({
  email,
  code: z.string().check(z.trim(), z.regex(/^\d{6}$/)),
});

/** The token's shape is checked apart (isLinkToken), so a bad one reads as a dead link, not a form error. */
export const verifyInput = z.object({ token: z.unknown() });

export const signOutInput = z.object({
  everywhere: z.pipe(
    z.optional(z.union([z.boolean(), z.enum(["true", "false", "on", ""])])),
    z.transform((v) => v === true || v === "true" || v === "on"),
  ),
});
