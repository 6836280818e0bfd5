/** The viewer's OID table is jpki-core's, key for key (it cannot import it in the browser; see oid-names.ts). */
import { OID } from "@jpki-sandbox/jpki-core";
import { describe, expect, it } from "vitest";
import { JPKI_CORE_OIDS } from "./oid-names.js";

describe("JPKI_CORE_OIDS", () => {
  it("equals jpki-core's OID constants", () => {
    expect(JPKI_CORE_OIDS).toEqual({ ...OID });
  });
});
