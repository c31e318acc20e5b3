import { useQuery } from "@tanstack/react-query";
import { membersQuery } from "../members/members-api";
import { cannedReplySuggestionsQuery } from "./canned-replies-api";
import type { Trigger } from "./composer-trigger";
import type { Mention } from "./mentions";
import type { Suggestion } from "./suggestion-list";

/** A suggestion with what picking it puts in the text, and the member it mentions. */
type ComposerSuggestion = Suggestion & { insert: string; mention?: Mention };

const memberCount = 8;
// The API reads at most this much of a canned reply search.
const queryLength = 50;

const startsAWord = (name: string, query: string) =>
  name
    .toLocaleLowerCase()
    .split(/\s+/)
    .some((word) => word.startsWith(query));

/**
 * What the trigger at the caret suggests: after `/` the canned replies whose shortcut or text match,
 * rendered for the conversation's contact; after `@` the members whose name has a word starting so.
 */
export function useComposerSuggestions(
  trigger: Trigger | null,
  conversationId: string,
): ComposerSuggestion[] {
  const canned = useQuery({
    ...cannedReplySuggestionsQuery(conversationId, trigger?.query.slice(0, queryLength) ?? ""),
    enabled: trigger?.sign === "/",
  });
  const members = useQuery({ ...membersQuery, enabled: trigger?.sign === "@" });
  if (trigger?.sign === "/") {
    return (canned.data ?? []).map((reply) => ({
      id: reply.id,
      label: `/${reply.shortcut}`,
      detail: reply.rendered ?? reply.body,
      insert: reply.rendered ?? reply.body,
    }));
  }
  if (trigger?.sign === "@") {
    const query = trigger.query.toLocaleLowerCase();
    return (members.data ?? [])
      .filter((member) => startsAWord(member.name, query))
      .slice(0, memberCount)
      .map((member) => ({
        id: member.userId,
        label: member.name,
        detail: member.email,
        insert: `@${member.name} `,
        mention: { userId: member.userId, name: member.name },
      }));
  }
  return [];
}
