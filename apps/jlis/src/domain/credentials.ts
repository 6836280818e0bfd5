/**
 * What jlis's registered clients may do. Their secrets are hashed and checked by @jpki-sandbox/service-kit
 * (scrypt, "scrypt$<salt>$<hash>").
 */

/** What a registered client may do. */
export const SCOPES = {
  /** Municipal counter: register residents, issue cards, report life events. */
  counter: "counter",
  /** Linkage 1 (Act art. 18(5)): S serial → current R serial. */
  linkageUserAuth: "linkage:user-auth",
  /** Linkage 2 (art. 18(4)): old S → current S. */
  linkageSigning: "linkage:signing",
  /** Linkage 3: latest four attributes with the holder's consent. */
  linkageAttributes: "linkage:attributes",
} as const;

export const VERIFIER_SCOPES = [SCOPES.linkageUserAuth, SCOPES.linkageSigning, SCOPES.linkageAttributes] as const;
export type VerifierScope = (typeof VERIFIER_SCOPES)[number];
