import { describe, expect, it } from "vitest";
import { mentionedIds, splitMentions } from "./mentions";

describe("mentionedIds", () => {
  const chosen = [
    { userId: "u1", name: "Sam Second" },
    { userId: "u2", name: "Ann" },
    { userId: "u1", name: "Sam Second" },
  ];

  it("sends each member still named in the note once", () => {
    expect(mentionedIds("@Sam Second can you call? cc @Sam Second", chosen)).toEqual(["u1"]);
    expect(mentionedIds("@Ann and @Sam Second", chosen)).toEqual(["u1", "u2"]);
  });

  it("drops a mention erased from the draft", () => {
    expect(mentionedIds("Sam can you call?", chosen)).toEqual([]);
  });
});

describe("splitMentions", () => {
  it("marks each @Name of a member, preferring the longest name", () => {
    expect(splitMentions("@Ann Lee, see @Ann's note", ["Ann", "Ann Lee"])).toEqual([
      { text: "@Ann Lee", mention: true },
      { text: ", see ", mention: false },
      { text: "@Ann", mention: true },
      { text: "'s note", mention: false },
    ]);
  });

  it("leaves a longer word, an e-mail or unknown names alone", () => {
    expect(splitMentions("@Annabel and a@Ann.com", ["Ann"])).toEqual([
      { text: "@Annabel and a@Ann.com", mention: false },
    ]);
    expect(splitMentions("hello", [])).toEqual([{ text: "hello", mention: false }]);
    expect(splitMentions("", ["Ann"])).toEqual([{ text: "", mention: false }]);
  });
});
