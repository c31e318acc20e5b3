CREATE INDEX "messages_body_trgm_idx" ON "messages" USING gin (lower("body") gin_trgm_ops);--> statement-breakpoint
-- As sbos_contact_search (0012): under row-level security LIKE cannot use the trigram index, so the
-- lookup runs as the table owner, bound to the transaction's tenant, and answers conversation ids.
CREATE FUNCTION sbos_message_search(pattern text, max_rows integer) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT m.conversation_id FROM messages m
  WHERE m.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
    AND lower(m.body) LIKE pattern
  LIMIT max_rows
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sbos_message_search(text, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sbos_message_search(text, integer) TO sbos_app;
