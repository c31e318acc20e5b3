-- The search box matches the start of a contact's name, of its name from the second word, of its
-- email or email domain, of its company's name and of its phone's digits, or their end (docs/crm.md, "Search"):
-- prefix ranges under text_pattern_ops btrees. Their operators are leakproof, so the indexes serve
-- queries under row-level security without the SECURITY DEFINER lookups of 0012/0013, and a range
-- scan stops after a page's worth of rows where trigram lookups collected every match (15-60 ms
-- at a million contacts). The id closes each key so that a probe for ids reads the index alone.
DROP INDEX "contacts_search_idx";--> statement-breakpoint
DROP FUNCTION sbos_contact_search(text[], integer);--> statement-breakpoint
DROP FUNCTION sbos_search_text_matches(text, text[]);--> statement-breakpoint
DROP INDEX "contacts_email_idx";--> statement-breakpoint
DROP INDEX "contacts_phone_idx";--> statement-breakpoint
DROP INDEX "contacts_company_idx";--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "search_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_name_rest" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "email_domain" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "phone_reversed" text;--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "search_text";--> statement-breakpoint
-- A first approximation in SQL (lower() may leave non-ASCII letters alone, and a name in a script
-- without spaces has no second word here); the jobs enqueued below recompute every key exactly.
UPDATE "companies" SET "search_name" = lower(regexp_replace(btrim("name"), '\s+', ' ', 'g'));--> statement-breakpoint
UPDATE "contacts" SET "search_name" = lower(regexp_replace(btrim("name"), '\s+', ' ', 'g')),
  "phone_reversed" = reverse(substr("phone", 2));--> statement-breakpoint
UPDATE "contacts" SET "search_name_rest" = substring("search_name" from '^\S+ (.+)$'),
  "email_domain" = nullif(split_part("email", '@', 2), '');--> statement-breakpoint
CREATE INDEX "companies_search_name_idx" ON "companies" USING btree ("tenant_id","search_name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "contacts_email_domain_idx" ON "contacts" USING btree ("tenant_id","email_domain" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "contacts_phone_reversed_idx" ON "contacts" USING btree ("tenant_id","phone_reversed" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "contacts_search_name_idx" ON "contacts" USING btree ("tenant_id","search_name" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "contacts_search_name_rest_idx" ON "contacts" USING btree ("tenant_id","search_name_rest" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "contacts_email_idx" ON "contacts" USING btree ("tenant_id","email" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "contacts_phone_idx" ON "contacts" USING btree ("tenant_id","phone" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "contacts_company_idx" ON "contacts" USING btree ("tenant_id","company_id","id");--> statement-breakpoint
INSERT INTO sbos_jobs (id, name, tenant_id, payload)
SELECT gen_random_uuid(), 'crm.rebuild-search-keys', o.id, jsonb_build_object('tenantId', o.id)
FROM organizations o WHERE o.deleted_at IS NULL;
--> statement-breakpoint
-- A list page's probe (contacts/selection.ts): the ids of at most max_matches + 1 first matches,
-- or null when there are more. The same keys as searchMatches there, in PL/pgSQL so that each
-- connection plans it once (planning the eight-branch query took longer than running it). It runs
-- as the caller, under row-level security: every operator here is leakproof.
CREATE FUNCTION sbos_contact_search_ids(term text, phones text[], endings text[], max_matches integer)
RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
  tenant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  highest CONSTANT text := chr(1114111);
  found text;
BEGIN
  SELECT CASE WHEN count(*) > max_matches THEN NULL ELSE coalesce(array_agg(DISTINCT m.id), '{}')::text END
  INTO found
  FROM (SELECT matches.id FROM (
    (SELECT c.id FROM contacts c WHERE c.tenant_id = tenant
      AND c.search_name ~>=~ term AND c.search_name ~<~ (term || highest) LIMIT max_matches + 1)
    UNION ALL (SELECT c.id FROM contacts c WHERE c.tenant_id = tenant
      AND c.search_name_rest ~>=~ term AND c.search_name_rest ~<~ (term || highest) LIMIT max_matches + 1)
    UNION ALL (SELECT c.id FROM contacts c WHERE c.tenant_id = tenant
      AND c.email ~>=~ term AND c.email ~<~ (term || highest) LIMIT max_matches + 1)
    UNION ALL (SELECT c.id FROM contacts c WHERE c.tenant_id = tenant
      AND c.email_domain ~>=~ term AND c.email_domain ~<~ (term || highest) LIMIT max_matches + 1)
    UNION ALL (SELECT c.id FROM contacts c WHERE c.tenant_id = tenant AND c.company_id = ANY (ARRAY(
      SELECT co.id FROM companies co WHERE co.tenant_id = tenant
        AND co.search_name ~>=~ term AND co.search_name ~<~ (term || highest) LIMIT 100)) LIMIT max_matches + 1)
    UNION ALL (SELECT c.id FROM contacts c WHERE c.tenant_id = tenant
      AND c.phone ~>=~ phones[1] AND c.phone ~<~ (phones[1] || highest) LIMIT max_matches + 1)
    UNION ALL (SELECT c.id FROM contacts c WHERE c.tenant_id = tenant
      AND c.phone ~>=~ phones[2] AND c.phone ~<~ (phones[2] || highest) LIMIT max_matches + 1)
    UNION ALL (SELECT c.id FROM contacts c WHERE c.tenant_id = tenant
      AND c.phone ~>=~ phones[3] AND c.phone ~<~ (phones[3] || highest) LIMIT max_matches + 1)
    UNION ALL (SELECT c.id FROM contacts c WHERE c.tenant_id = tenant
      AND c.phone_reversed ~>=~ endings[1] AND c.phone_reversed ~<~ (endings[1] || highest) LIMIT max_matches + 1)
  ) AS matches LIMIT max_matches + 1) AS m;
  RETURN found;
END
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sbos_contact_search_ids(text, text[], text[], integer) TO sbos_app;
--> statement-breakpoint
-- Contacts whose further phones or emails (arrays) include one of these, in the transaction's
-- tenant. && is not leakproof: under row-level security it could not use the GIN indexes, and an
-- upsert or an import batch scanned the organisation (865 ms at a million contacts). As in 0012,
-- this runs as the owner, restricted to the tenant, and answers ids only.
CREATE FUNCTION sbos_contacts_with_further_identities(phones text[], emails text[]) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id FROM contacts c
  WHERE c.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
    AND (c.other_phones && phones OR c.other_emails && emails)
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sbos_contacts_with_further_identities(text[], text[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sbos_contacts_with_further_identities(text[], text[]) TO sbos_app;
