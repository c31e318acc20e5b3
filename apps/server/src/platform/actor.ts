export type Role = "owner" | "admin" | "member";

/** Who is calling: passed first to every service function. */
export type Actor = {
  tenantId: string;
  role: Role;
  userId?: string;
  apiKeyId?: string;
  sessionId?: string;
  /** Set while the organisation requires two-factor authentication the person has not set up. */
  restriction?: "two_factor_required";
  ip?: string;
  userAgent?: string;
};

export const systemActor = (tenantId: string): Actor => ({ tenantId, role: "owner" });
