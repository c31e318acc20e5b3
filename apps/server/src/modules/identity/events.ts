/** Event types this module publishes. */
export const apiKeyCreated = "identity.api_key.created";
export const apiKeyRevoked = "identity.api_key.revoked";
export const sessionEnded = "identity.session.ended";
export const sessionSwitchedOrganization = "identity.session.switched_organization";
export const membershipChanged = "identity.membership.changed";
export const organizationDeleted = "identity.organization.deleted";
export const organizationSecurityChanged = "identity.organization.security_changed";
export const personSecurityChanged = "identity.person.security_changed";
