import { describe, expect, it } from "vitest";
import { findTrigger, replaceTrigger } from "./composer-trigger";

describe("findTrigger", () => {
  it("opens on a sign at the start of the text or after a space", () => {
    expect(findTrigger("/hel", 4, ["/"])).toEqual({ sign: "/", start: 0, query: "hel" });
    expect(findTrigger("Thanks! /", 9, ["/"])).toEqual({ sign: "/", start: 8, query: "" });
    expect(findTrigger("ask\n@sa", 7, ["/", "@"])).toEqual({ sign: "@", start: 4, query: "sa" });
  });

  it("reads only up to the caret", () => {
    expect(findTrigger("/hello there", 3, ["/"])).toEqual({ sign: "/", start: 0, query: "he" });
  });

  it("stays closed inside a word, after a space, or for a sign not asked for", () => {
    expect(findTrigger("and/or", 6, ["/"])).toBeNull();
    expect(findTrigger("mail sam@example.com", 20, ["@"])).toBeNull();
    expect(findTrigger("/hello ", 7, ["/"])).toBeNull();
    expect(findTrigger("@sam", 4, ["/"])).toBeNull();
  });
});

describe("replaceTrigger", () => {
  it("replaces the sign and what was typed after it, keeping the rest, and moves the caret after", () => {
    const text = "Hi /hel and more";
    const trigger = findTrigger(text, 7, ["/"]);
    expect(trigger).not.toBeNull();
    if (!trigger) return;
    expect(replaceTrigger(text, trigger, 7, "Hello Amélie!")).toEqual({
      text: "Hi Hello Amélie! and more",
      caret: 16,
    });
  });
});
