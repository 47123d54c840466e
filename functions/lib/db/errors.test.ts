// The mapping from database errors to AppError, for the shapes pg, PGlite and PostgREST share.
import { describe, expect, it } from "vitest";
import { AppError } from "../http/errors.ts";
import { toAppError, unwrapResult } from "./errors.ts";

describe("toAppError", () => {
  it.each([
    [{ code: "P0001", message: "proposition_limit_reached" }, "proposition_limit_reached", 409],
    [{ code: "P0001", message: "not a known code" }, "internal", 500],
    [{ code: "23505", message: "duplicate key" }, "conflict", 409],
    [{ code: "23514", message: "check" }, "invalid_input", 400],
    [{ code: "22001", message: "too long" }, "invalid_input", 400],
    [{ code: "22P02", message: "bad uuid" }, "invalid_input", 400],
    [{ code: "22021", message: "invalid byte sequence for encoding \"UTF8\": 0x00" }, "invalid_input", 400],
    [{ code: "22P05", message: "unsupported Unicode escape sequence" }, "invalid_input", 400],
    [{ code: "22012", message: "division by zero" }, "invalid_input", 400],
    [{ code: "23502", message: "not null" }, "invalid_input", 400],
    [{ code: "23P01", message: "exclusion" }, "invalid_input", 400],
    [{ code: "23503", message: "foreign key" }, "not_found", 404],
    [{ code: "42883", message: "function does not exist" }, "internal", 500],
    [new TypeError("fetch failed"), "internal", 500],
    ["a string", "internal", 500],
  ])("maps %j to %s", (error, code, status) => {
    const mapped = toAppError(error);
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ code, status, cause: error });
  });

  it("never shows the database's message to citizens", () => {
    expect(toAppError({ code: "23505", message: 'duplicate key value violates "citizens_email_key"' }).message).not.toMatch(/citizens/);
  });

  it("passes an AppError through", () => {
    const error = new AppError("phase_closed");
    expect(toAppError(error)).toBe(error);
  });
});

describe("unwrapResult", () => {
  it("returns results without an error key and rejects those with one", () => {
    expect(unwrapResult({ revoked: 1 })).toEqual({ revoked: 1 });
    expect(() => unwrapResult({ error: "sign_in_code_invalid", attempts_left: 2 })).toThrow(
      expect.objectContaining({ code: "sign_in_code_invalid", status: 400 }),
    );
  });
});
