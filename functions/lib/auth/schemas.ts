import { z } from "zod";

// Lowercased here and compared case-insensitively (citext) in SQL.
export const email = z.string().trim().toLowerCase().max(254).email();

export const signInInput = z.object({ email });

export const codeInput = z.object({
  email,
  code: z.string().trim().regex(/^\d{6}$/),
});

/** The token's shape is checked apart (isLinkToken), so a bad one reads as a dead link, not a form error. */
export const verifyInput = z.object({ token: z.unknown() });

export const signOutInput = z.object({
  everywhere: z
    .union([z.boolean(), z.enum(["true", "false", "on", ""])])
    .optional()
    .transform((v) => v === true || v === "true" || v === "on"),
});
