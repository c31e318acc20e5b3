import { useQuery } from "@tanstack/react-query";
import { Fragment, useMemo } from "react";
import { membersQuery } from "../members/members-api";
import { splitMentions } from "./mentions";

/** A note's text with each `@Name` of a member highlighted. */
export function NoteText({ body }: { body: string }) {
  const members = useQuery(membersQuery);
  const names = useMemo(() => (members.data ?? []).map((member) => member.name), [members.data]);
  return splitMentions(body, names).map((part, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
    <Fragment key={index}>
      {part.mention ? (
        <mark data-testid="mention" className="rounded bg-amber-200 px-0.5 font-semibold text-amber-950">
          {part.text}
        </mark>
      ) : (
        part.text
      )}
    </Fragment>
  ));
}
