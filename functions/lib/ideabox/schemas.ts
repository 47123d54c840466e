// What citizens may send to the idea box. Lengths mirror the SQL checks so the form can name the field at
// fault; the database stays the final judge.
import { z } from "zod";
import { limits } from "../../../templates/modules/ideabox/forms.ts";
import { optionalNumber, optionalText, uuid } from "../http/input.ts";

const text = (max: number) => z.string().trim().min(1).max(max);

export const propositionInput = z.object({
  title: text(limits.title),
  body: text(limits.body),
  theme: optionalText,
  district: optionalText,
  lng: optionalNumber,
  lat: optionalNumber,
});

export const supportInput = z.object({
  action: z.enum(["support", "withdraw"]).default("support"),
});

export const commentInput = z.object({
  body: text(limits.comment),
  parent_id: z
    .union([uuid, z.literal(""), z.null()])
    .optional()
    .transform((v) => v || null),
  alignment: z
    .union([z.enum(["for", "against", "neutral"]), z.literal(""), z.null()])
    .optional()
    .transform((v) => v || null),
});
