import { HANAKO, parsePersona } from "@jpki-sandbox/jpki-core";
import { describe, expect, it } from "vitest";
import { localGovernmentCode, syntheticPersona } from "./synthetic-persona.js";

describe("localGovernmentCode", () => {
  it("adds the JIS X 0402 check digit (Chiyoda-ku 13101 → 131016, Shinjuku-ku 13104 → 131041)", () => {
    expect(localGovernmentCode("13101")).toBe(HANAKO.localGovernmentCode);
    expect(localGovernmentCode("13104")).toBe("131041");
    expect(localGovernmentCode("01100")).toBe("011002");
  });
});

describe("syntheticPersona", () => {
  it("makes valid personas whose address starts with the prefecture and name has a U+3000", () => {
    for (let i = 0; i < 200; i++) {
      const persona = syntheticPersona();
      expect(parsePersona(persona)).toEqual(persona);
      expect(persona.address.startsWith(persona.prefecture + persona.city)).toBe(true);
      expect(persona.name).toMatch(/^[^\u3000]+\u3000[^\u3000]+$/);
    }
  });

  it("is deterministic for a given random source", () => {
    let n = 0;
    const sequence = (max: number) => n++ % max;
    const first = syntheticPersona(sequence);
    n = 0;
    expect(syntheticPersona(sequence)).toEqual(first);
  });
});
