import { z } from "zod";
import { requireActor } from "../../platform/http/auth.ts";
import type { ZodApp } from "../../platform/module.ts";
import { signedInSchema } from "./auth-dto.ts";
import type { AuthService } from "./auth-service.ts";
import type { AuthThrottle } from "./auth-throttle.ts";
import { setSessionCookie } from "./session-auth.ts";
import type { TwoFactorService } from "./two-factor-service.ts";

const tags = ["auth"];
const code = z.string().trim().min(6).max(20).describe("6 digits from the app, or a recovery code");
const setupSchema = z
  .object({
    secret: z.string().describe("Base32 seed, for typing into the app by hand"),
    otpauthUrl: z.string(),
    qrCodeSvg: z.string().describe("The otpauth URL as an SVG QR code"),
  })
  .meta({ id: "TwoFactorSetup" });

export function registerTwoFactorRoutes(
  app: ZodApp,
  factors: TwoFactorService,
  auth: AuthService,
  throttle: AuthThrottle,
) {
  const forEnrolment = { allowRestricted: true };

  app.post(
    "/api/v1/auth/two-factor/setup",
    {
      config: forEnrolment,
      schema: {
        tags,
        summary: "Start two-factor enrolment: a new TOTP seed and its QR code",
        response: { 200: setupSchema },
      },
    },
    (request) => factors.setup(requireActor(request)),
  );

  app.post(
    "/api/v1/auth/two-factor/enable",
    {
      config: forEnrolment,
      schema: {
        tags,
        summary: "Turn two-factor on with a code from the app; answers 10 recovery codes, once",
        body: z.strictObject({ code }),
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: "RecoveryCodes" }) },
      },
    },
    (request) => factors.enable(requireActor(request), request.body.code),
  );

  app.post(
    "/api/v1/auth/two-factor/disable",
    {
      schema: {
        tags,
        summary: "Turn two-factor off (needs the password)",
        body: z.strictObject({ password: z.string().max(256) }),
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await factors.disable(requireActor(request), request.body.password);
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/v1/auth/sign-in/two-factor",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Second sign-in step: the challenge from the 401 two_factor_required, and a code",
        security: [],
        body: z.strictObject({ challenge: z.string().min(10).max(200), code }),
        response: { 200: signedInSchema },
      },
    },
    async (request, reply) => {
      await throttle.countAttempt(request.ip);
      const user = await factors.verifyChallenge(request.body.challenge, request.body.code);
      const { token, ...signedIn } = await auth.signInUser(user, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      setSessionCookie(request, reply, token);
      return signedIn;
    },
  );
}
