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
import { registerTwoFactorRoutes } from "./two-factor-routes.ts";
import { createTwoFactorService } from "./two-factor-service.ts";

export async function createIdentityModule(context: AppContext) {
  const service = createIdentityService({ db: context.database.db });
  const factors = createTwoFactorService({ db: context.database.db, secrets: context.secrets });
  const auth = createAuthService({
    db: context.database.db,
    createTwoFactorChallenge: factors.createChallenge,
  });
  const mailer = createMailer(context.config, context.database.db);
  const members = createMemberService({ db: context.database.db, mailer, startSession: auth.startSession });
  const resets = createPasswordResetService({ db: context.database.db, mailer, logger: context.logger });
  const module: Module = {
    name: "identity",
    registerRoutes: (app) => {
      const throttle = createAuthThrottle(context.rateLimits, context.config.rateLimits);
      registerAuthRoutes(app, auth, resets, throttle, context.config.publicUrl);
      registerTwoFactorRoutes(app, factors, auth, throttle);
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
