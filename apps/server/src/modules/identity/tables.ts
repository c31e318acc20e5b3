import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, role, tenantId, timestamptz } from "../../platform/db/columns.ts";

/** The tenant registry: one row per tenant, so its id is the tenant id (RLS limits the app role to its own). */
export const organizations = pgTable("organizations", {
  id: uuid().primaryKey(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  createdAt: createdAt(),
  /** Set when an owner deletes it: nobody gets in any more, and a job erases its data. */
  deletedAt: timestamptz(),
  /** Members without two-factor authentication may only enrol until they have it. */
  requireTwoFactor: boolean().notNull().default(false),
});

/** People: global (a user may belong to several organisations), so no tenant and no RLS. */
export const users = pgTable("users", {
  id: uuid().primaryKey(),
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  /** The TOTP seed, sealed (AES-256-GCM); set at enrolment, active once `twoFactorEnabledAt` is. */
  twoFactorSecret: text(),
  twoFactorEnabledAt: timestamptz(),
  /** The last accepted TOTP time step: a code is accepted once, never replayed within its window. */
  twoFactorLastStep: integer(),
  createdAt: createdAt(),
  updatedAt: timestamptz().notNull().defaultNow(),
});

/** Ten single-use recovery codes per person, stored hashed. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: timestamptz(),
  },
  (table) => [index("recovery_codes_user_idx").on(table.userId)],
);

/** A password accepted, a second factor awaited: five tries within five minutes. */
export const twoFactorChallenges = pgTable("two_factor_challenges", {
  id: uuid().primaryKey(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text().notNull().unique(),
  attempts: integer().notNull().default(0),
  expiresAt: timestamptz().notNull(),
  createdAt: createdAt(),
});

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    activeTenantId: uuid().references(() => organizations.id, { onDelete: "set null" }),
    ip: text(),
    userAgent: text(),
    createdAt: createdAt(),
    lastSeenAt: timestamptz().notNull().defaultNow(),
    expiresAt: timestamptz().notNull(),
    revokedAt: timestamptz(),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

/** Password reset links: single use, 30 minutes, only the token's SHA-256 is kept. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    createdAt: createdAt(),
    expiresAt: timestamptz().notNull(),
    usedAt: timestamptz(),
  },
  (table) => [index("password_resets_user_idx").on(table.userId)],
);

/** A user's role in an organisation. Users also see their own memberships (policy in migration 0002). */
export const memberships = pgTable(
  "memberships",
  {
    tenantId: tenantId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: role(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.userId] }),
    index("memberships_user_idx").on(table.userId),
    foreignKey({ columns: [table.tenantId], foreignColumns: [organizations.id] }).onDelete("cascade"),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    name: text().notNull(),
    visiblePrefix: text().notNull(),
    secretHash: text().notNull(),
    role: role(),
    createdAt: createdAt(),
    lastUsedAt: timestamptz(),
    revokedAt: timestamptz(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex("api_keys_secret_hash_idx").on(table.tenantId, table.secretHash),
    index("api_keys_created_idx").on(table.tenantId, table.createdAt),
    foreignKey({ columns: [table.tenantId], foreignColumns: [organizations.id] }).onDelete("cascade"),
  ],
);

/** An emailed invitation; the link's token carries the tenant, and only its SHA-256 is stored. */
export const invitations = pgTable(
  "invitations",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    email: text().notNull(),
    role: role(),
    tokenHash: text().notNull(),
    invitedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamptz().notNull(),
    acceptedAt: timestamptz(),
    revokedAt: timestamptz(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex("invitations_token_idx").on(table.tenantId, table.tokenHash),
    index("invitations_email_idx").on(table.tenantId, table.email),
    foreignKey({ columns: [table.tenantId], foreignColumns: [organizations.id] }).onDelete("cascade"),
  ],
);
