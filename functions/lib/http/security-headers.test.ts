import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers.ts";

/** The `for = "/*"` rule's values, read from netlify.toml (flat key = "value" lines). */
async function netlifyHeaders(): Promise<Record<string, string>> {
  const toml = await readFile("netlify.toml", "utf8");
  const rule = toml.split("[[headers]]").find((block) => /for\s*=\s*"\/\*"/.test(block))!;
  return Object.fromEntries(
    [...rule.matchAll(/^\s*([A-Za-z-]+)\s*=\s*"(.*)"\s*$/gm)]
      .filter(([, name]) => name !== "for")
      .map(([, name, value]) => [name!.toLowerCase(), value!]),
  );
}

describe("function-served HTML headers", () => {
  it("match netlify.toml's policy for citizen pages", async () => {
    expect(securityHeaders).toEqual(await netlifyHeaders());
  });

  it("keep browsers on HTTPS for a year, subdomains included (issue 6)", () => {
    expect(securityHeaders["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });
});
