// Valid HTML (RGAA criterion 8.2): every page of the demo build passes the Nu Html Checker without error.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlErrors, javaAvailable } from "../support/vnu.ts";
import { buildDemo, type BuiltSite } from "./helpers.ts";

const java = javaAvailable();
let site: BuiltSite;

describe.skipIf(!java)("valid HTML of the demo build", () => {
  beforeAll(async () => {
    site = await buildDemo();
  });

  afterAll(() => site?.cleanup());

  it("has no checker error on any page", () => {
    const pages = site.files.filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(20);
    expect(htmlErrors(pages.map((file) => path.join(site.dir, file)), site.dir)).toEqual([]);
  });
});
