/**
 * The environment variables the CLI reads, in one place (STYLE.md "Config"). Commands get a CliEnv, never
 * process.env, so tests pass their own.
 */

/** Where a jlis runs when neither --jlis nor JPKI_JLIS_URL says otherwise (jlis's own default port). */
export const DEFAULT_JLIS_URL = "http://127.0.0.1:4010";
/** Where the portal runs when neither --portal nor JPKI_PORTAL_URL says otherwise (the portal's default port). */
export const DEFAULT_PORTAL_URL = "http://127.0.0.1:4030";

export interface CliEnv {
  /** JPKI_JLIS_URL: base URL of jlis. */
  jlisUrl?: string;
  /** JPKI_PORTAL_URL: base URL of the citizen portal (apps/portal). */
  portalUrl?: string;
  /** JPKI_DATA_DIR: root of every app's data (default `.data`); each app keeps dev-credentials.json under `<root>/<app>`. */
  dataDir: string;
  /** JPKI_JLIS_DATA_DIR: jlis's own data directory when it is not `<JPKI_DATA_DIR>/jlis` (":memory:" = none). */
  jlisDataDir?: string;
  /** JPKI_PORTAL_DATA_DIR: the portal's own data directory when it is not `<JPKI_DATA_DIR>/portal` (":memory:" = none). */
  portalDataDir?: string;
  /** JPKI_JLIS_ADMIN_PASSWORD: the jlis operator's password (user admin). */
  adminPassword?: string;
  /** JPKI_PORTAL_ADMIN_PASSWORD: the portal operator's password (user admin). */
  portalAdminPassword?: string;
}

export type EnvSource = Readonly<Record<string, string | undefined>>;

const nonEmpty = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

export function readCliEnv(source: EnvSource = process.env): CliEnv {
  return {
    jlisUrl: nonEmpty(source.JPKI_JLIS_URL),
    portalUrl: nonEmpty(source.JPKI_PORTAL_URL),
    dataDir: nonEmpty(source.JPKI_DATA_DIR) ?? ".data",
    jlisDataDir: nonEmpty(source.JPKI_JLIS_DATA_DIR),
    portalDataDir: nonEmpty(source.JPKI_PORTAL_DATA_DIR),
    adminPassword: nonEmpty(source.JPKI_JLIS_ADMIN_PASSWORD),
    portalAdminPassword: nonEmpty(source.JPKI_PORTAL_ADMIN_PASSWORD),
  };
}
