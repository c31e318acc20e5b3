-- The audit log is insert-only for the application role. A GDPR erasure still has to remove the
-- person's data from earlier entries: this function blanks the values of one target's entries in the
-- current tenant (who did what, and when, stays) and is the only change the application can make.
CREATE FUNCTION sbos_erase_audit_details(erased_type text, erased_id text) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  WITH erased AS (
    UPDATE audit_events
    SET changes = (
      SELECT coalesce(jsonb_object_agg(key, '{"erased": true}'::jsonb), '{}'::jsonb)
      FROM jsonb_each(coalesce(changes, '{}'::jsonb))
    )
    WHERE tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
      AND target_type = erased_type AND target_id = erased_id
    RETURNING 1
  )
  SELECT count(*)::integer FROM erased
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sbos_erase_audit_details(text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sbos_erase_audit_details(text, text) TO sbos_app;
