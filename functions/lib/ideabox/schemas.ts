// What citizens may send to the idea box. Lengths mirror the SQL checks so the form can name the field at
// fault; the database stays the final judge.
import * as z from "zod/mini";
import { limits } from "../../../templates/modules/ideabox/forms.ts";
import { citizenText, optionalChoice, optionalNumber, uuid } from "../http/input.ts";

export const propositionInput = z.object({
  title: citizenText({ max: limits.title }),
  body: citizenText({ max: limits.body, multiline: true }),
  // Any length: the consultation's own list is the check (invalid_theme, invalid_district).
  theme: optionalChoice,
  district: optionalChoice,
  lng: optionalNumber,
  lat: optionalNumber,
});

export const supportInput = z.object({
  action: z._default(z.enum(["support", "withdraw"]), "support"),
});

export const commentInput = z.object({
  body: citizenText({ max: limits.comment, multiline: true }),
  parent_id: z.pipe(z.optional(z.union([uuid, z.literal(""), z.null()])), z.transform((v) => v || null)),
  alignment: z.pipe(
    z.optional(z.union([z.enum(["for", "against", "neutral"]), z.literal(""), z.null()])),
    z.transform((v) => v || null),
  ),
});
