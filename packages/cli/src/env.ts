/**
 * The environment variables the CLI reads, in one place (STYLE.md "Config"). Commands get a CliEnv, never
 * process.env, so tests pass their own.
 */

/** Where a jlis runs when neither --jlis nor JPKI_JLIS_URL says otherwise (jlis's own default port). */
export const DEFAULT_JLIS_URL = "http://127.0.0.1:4010";

export interface CliEnv {
  /** JPKI_JLIS_URL: base URL of jlis. */
  jlisUrl?: string;
  /** JPKI_DATA_DIR: root of every app's data (default `.data`); jlis keeps dev-credentials.json under `<root>/jlis`. */
  dataDir: string;
  /** JPKI_JLIS_DATA_DIR: jlis's own data directory when it is not `<JPKI_DATA_DIR>/jlis` (":memory:" = none). */
  jlisDataDir?: string;
  /** JPKI_JLIS_COUNTER_ID / JPKI_JLIS_COUNTER_SECRET: the municipal counter's credential. */
  counterId?: string;
  counterSecret?: string;
  /** JPKI_JLIS_ADMIN_PASSWORD: the operator's password (user admin). */
  adminPassword?: string;
}

export type EnvSource = Readonly<Record<string, string | undefined>>;

const nonEmpty = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

export function readCliEnv(source: EnvSource = process.env): CliEnv {
  return {
    jlisUrl: nonEmpty(source.JPKI_JLIS_URL),
    dataDir: nonEmpty(source.JPKI_DATA_DIR) ?? ".data",
    jlisDataDir: nonEmpty(source.JPKI_JLIS_DATA_DIR),
    counterId: nonEmpty(source.JPKI_JLIS_COUNTER_ID),
    counterSecret: nonEmpty(source.JPKI_JLIS_COUNTER_SECRET),
    adminPassword: nonEmpty(source.JPKI_JLIS_ADMIN_PASSWORD),
  };
}
