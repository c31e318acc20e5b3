import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LoadMoreButton } from "../../components/load-more-button";
import { problemOf } from "../../lib/problem";
import { cannedRepliesQuery, cannedReplyVariables, createCannedReply } from "../inbox/canned-replies-api";
import { useInboxPermission } from "../inbox/use-inbox-permission";
import { InlineAlert } from "../members/inline-alert";
import { meQuery } from "../session/me-query";
import { CannedReplyForm } from "./canned-reply-form";
import { CannedReplyRow } from "./canned-reply-row";

/** Saved answers agents insert with `/shortcut`: every member adds them, their author or an admin changes them. */
export function CannedRepliesSection() {
  const { t } = useTranslation();
  const replies = useInfiniteQuery(cannedRepliesQuery);
  const rows = replies.data?.pages.flatMap((page) => page.data) ?? [];
  const canManage = useInboxPermission("canned_replies.manage");
  const me = useQuery(meQuery);
  const myId = me.data?.caller.type === "user" ? me.data.caller.id : undefined;
  // A new key empties the add form once a reply is saved.
  const [addKey, setAddKey] = useState(0);

  return (
    <section
      id="canned-replies"
      aria-labelledby="canned-replies-title"
      className="scroll-mt-4 rounded-xl border border-neutral-200 bg-white p-6"
    >
      <h2 id="canned-replies-title" className="text-lg font-semibold tracking-tight">
        {t("cannedReplies.title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("cannedReplies.intro")}</p>
      <p className="mt-1 text-sm text-neutral-600">
        {t("cannedReplies.variables")}{" "}
        {cannedReplyVariables.map((name) => (
          <code key={name} dir="ltr" className="me-1 rounded bg-neutral-100 px-1 text-xs">
            {`{{${name}}}`}
          </code>
        ))}
      </p>
      <div className="mt-4">
        <CannedReplyForm
          key={addKey}
          label={t("cannedReplies.add")}
          initial={{ shortcut: "", body: "" }}
          submitLabel={t("cannedReplies.add")}
          save={createCannedReply}
          onSaved={() => setAddKey(addKey + 1)}
        />
      </div>
      {replies.isPending ? (
        <p className="mt-4 text-sm text-neutral-600">{t("cannedReplies.loading")}</p>
      ) : replies.isError && rows.length === 0 ? (
        <InlineAlert message={problemOf(replies.error)?.detail} />
      ) : rows.length === 0 ? (
        <p className="mt-4 text-sm text-neutral-600">{t("cannedReplies.empty")}</p>
      ) : (
        <ul aria-labelledby="canned-replies-title" className="mt-4">
          {rows.map((reply) => (
            <CannedReplyRow
              key={reply.id}
              reply={reply}
              canEdit={canManage || (myId !== undefined && reply.authorId === myId)}
            />
          ))}
        </ul>
      )}
      <LoadMoreButton
        hasMore={replies.hasNextPage}
        loading={replies.isFetchingNextPage}
        onLoad={() => replies.fetchNextPage()}
      />
    </section>
  );
}
