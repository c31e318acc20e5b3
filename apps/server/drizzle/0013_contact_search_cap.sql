-- The trigram lookup learns to stop early: a list page asks for at most `max_rows` matches, and
-- when a term matches more than that (a common family name among a million contacts) the list
-- walks its sort index instead and filters with sbos_search_text_matches (see docs/crm.md).
DROP FUNCTION sbos_contact_search(text[]);--> statement-breakpoint
CREATE FUNCTION sbos_contact_search(patterns text[], max_rows integer DEFAULT NULL) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT matched.id
  FROM unnest(patterns) AS pattern
  CROSS JOIN LATERAL (
    SELECT c.id FROM contacts c
    WHERE c.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
      AND c.search_text LIKE pattern
  ) AS matched
  LIMIT max_rows
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sbos_contact_search(text[], integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sbos_contact_search(text[], integer) TO sbos_app;--> statement-breakpoint
-- The same test as `search_text LIKE ANY (patterns)`, opaque to the planner on purpose: it is only
-- used for terms known to be common, where LIKE's estimate (often a few dozen rows) made PostgreSQL
-- sort the whole organisation instead of walking the sort index until a page is full.
CREATE FUNCTION sbos_search_text_matches(search_text text, patterns text[]) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  RETURN search_text LIKE ANY (patterns);
END
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sbos_search_text_matches(text, text[]) TO sbos_app;
