-- The application role reads people only where they share the current organisation (the member
-- list) or are the signed-in person; sign-in looks people up as the owner, outside these rules.
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "member_users" ON "users" FOR SELECT TO "sbos_app"
  USING ("id" IN (SELECT "user_id" FROM "memberships"
      WHERE "tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
    OR "id" = nullif(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT ON "users" TO "sbos_app";
