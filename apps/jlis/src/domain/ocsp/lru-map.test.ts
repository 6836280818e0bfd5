import { describe, expect, it } from "vitest";
import { LruMap } from "./lru-map.js";

describe("LruMap", () => {
  it("evicts the least recently used entry, telling onEvict", () => {
    const evicted: [string, number][] = [];
    const map = new LruMap<string, number>(2, (key, value) => evicted.push([key, value]));
    map.set("a", 1);
    map.set("b", 2);
    expect(map.get("a")).toBe(1); // a becomes the most recent
    map.set("c", 3);
    expect(evicted).toEqual([["b", 2]]);
    expect([...map.keys()]).toEqual(["c", "a"]);
  });

  it("replacing a value refreshes recency without evicting", () => {
    const map = new LruMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    map.set("a", 10);
    map.set("c", 3);
    expect([...map.keys()]).toEqual(["c", "a"]);
    expect(map.get("a")).toBe(10);
  });

  it("deletes from any position and clears", () => {
    const map = new LruMap<string, number>(3);
    for (const [key, value] of [["a", 1], ["b", 2], ["c", 3]] as const) map.set(key, value);
    expect(map.delete("b")).toBe(true);
    expect(map.delete("b")).toBe(false);
    expect([...map.keys()]).toEqual(["c", "a"]);
    map.delete("c");
    map.delete("a");
    expect(map.size).toBe(0);
    map.set("d", 4);
    expect([...map.keys()]).toEqual(["d"]);
    map.clear();
    expect(map.has("d")).toBe(false);
    expect([...map.keys()]).toEqual([]);
  });

  it("refuses a capacity that is not a positive integer", () => {
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});
