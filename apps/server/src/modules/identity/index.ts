import { createMailer } from "../../platform/mail.ts";
import type { AppContext, Module } from "../../platform/module.ts";
import { createApiKeyAuthenticator } from "./api-key-auth.ts";
import { registerAuthRoutes } from "./auth-routes.ts";
import { createAuthService } from "./auth-service.ts";
import { createAuthThrottle } from "./auth-throttle.ts";
import { createIdentityJobs } from "./jobs.ts";
import { registerMemberRoutes } from "./member-routes.ts";
import { createMemberService } from "./member-service.ts";
import { createPasswordResetService } from "./password-reset-service.ts";
import { registerIdentityRoutes } from "./routes.ts";
import { createIdentityService } from "./service.ts";
import { createSessionAuthenticator } from "./session-auth.ts";

export async function createIdentityModule(context: AppContext) {
  const service = createIdentityService({ db: context.database.db });
  const auth = createAuthService({ db: context.database.db });
  const mailer = createMailer(context.config, context.database.db);
  const members = createMemberService({ db: context.database.db, mailer, startSession: auth.startSession });
  const resets = createPasswordResetService({ db: context.database.db, mailer, logger: context.logger });
  const module: Module = {
    name: "identity",
    registerRoutes: (app) => {
      const throttle = createAuthThrottle(context.rateLimits, context.config.rateLimits);
      registerAuthRoutes(app, auth, resets, throttle, context.config.publicUrl);
      registerIdentityRoutes(app, service);
      registerMemberRoutes(app, members, context.config.publicUrl);
    },
    jobs: createIdentityJobs(context.database.db),
    authenticators: [
      await createApiKeyAuthenticator(context.database),
      await createSessionAuthenticator(context.database),
    ],
  };
  return { module, service, auth, members };
}
