import { afterEach, describe, expect, it, vi } from "vitest";
import { isProduction, serverSecret } from "./secret.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("serverSecret", () => {
  it("uses PARLONS_SECRET when set", () => {
    vi.stubEnv("PARLONS_SECRET", "s3cret");
    expect(serverSecret()).toBe("s3cret");
  });

  it.each([["NODE_ENV", "production"], ["NETLIFY", "true"], ["AWS_LAMBDA_FUNCTION_NAME", "fn"], ["CONTEXT", "deploy-preview"]])(
    "refuses to run deployed (%s=%s) without PARLONS_SECRET",
    (name, value) => {
      vi.stubEnv("PARLONS_SECRET", "");
      vi.stubEnv(name, value);
      expect(isProduction()).toBe(true);
      expect(() => serverSecret()).toThrow(/PARLONS_SECRET/);
    },
  );

  it("derives a stable development secret locally", () => {
    for (const name of ["PARLONS_SECRET", "NODE_ENV", "NETLIFY", "AWS_LAMBDA_FUNCTION_NAME", "CONTEXT"]) vi.stubEnv(name, "");
    expect(serverSecret()).toMatch(/^[0-9a-f]{64}$/);
    expect(serverSecret()).toBe(serverSecret());
  });
});
