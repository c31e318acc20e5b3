-- A signed-in user sees their own memberships in every organisation, and those organisations,
-- so they can list and switch them; everything else stays per tenant.
CREATE POLICY "own_memberships" ON "memberships" FOR SELECT
  USING ("user_id" = nullif(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "member_organizations" ON "organizations" FOR SELECT
  USING ("id" IN (SELECT "tenant_id" FROM "memberships"
    WHERE "user_id" = nullif(current_setting('app.user_id', true), '')::uuid));
