-- Under row-level security PostgreSQL evaluates the tenant policy before any operator that is not
-- LEAKPROOF, and LIKE is not: a trigram search over contacts.search_text could never use its index
-- and scanned the whole organisation. This function runs the search as the table owner, restricted
-- explicitly to the transaction's tenant (`app.tenant_id`, as the policy is), and answers ids only;
-- the caller's query on contacts still runs under row-level security. Where the owner bypasses RLS
-- (a superuser, or a role with BYPASSRLS) the index is used; elsewhere it stays correct, only slower.
CREATE FUNCTION sbos_contact_search(patterns text[]) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT matched.id
  FROM unnest(patterns) AS pattern
  CROSS JOIN LATERAL (
    SELECT c.id FROM contacts c
    WHERE c.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
      AND c.search_text LIKE pattern
  ) AS matched
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sbos_contact_search(text[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sbos_contact_search(text[]) TO sbos_app;
