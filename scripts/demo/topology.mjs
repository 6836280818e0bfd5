// Where `npm start` puts the three apps, and the settings that tell each app where the others are. Each app
// reads its own JPKI_<APP>_PORT; when a port is moved, the cross-app URLs follow unless they are set too.

const DEFAULT_PORTS = { jlis: 4010, bank: 4020, portal: 4030 };

/** @param {NodeJS.ProcessEnv} env */
export function sandboxTopology(env = process.env) {
  const port = (/** @type {"jlis"|"bank"|"portal"} */ app) => {
    const raw = env[`JPKI_${app.toUpperCase()}_PORT`];
    const value = raw === undefined || raw === "" ? DEFAULT_PORTS[app] : Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 65_535) throw new Error(`JPKI_${app.toUpperCase()}_PORT must be a port number, not ${JSON.stringify(raw)}`);
    return value;
  };
  const url = (/** @type {"jlis"|"bank"|"portal"} */ app) =>
    (env[`JPKI_${app.toUpperCase()}_PUBLIC_URL`] ?? `http://127.0.0.1:${port(app)}`).replace(/\/+$/, "");
  return {
    jlis: { name: "jlis", port: port("jlis"), url: url("jlis") },
    bank: { name: "bank", port: port("bank"), url: url("bank") },
    portal: { name: "portal", port: port("portal"), url: url("portal") },
  };
}

/**
 * The variables to add to the environment so the apps find each other (only those not set already).
 * @param {ReturnType<typeof sandboxTopology>} topology
 * @param {NodeJS.ProcessEnv} env
 */
export function crossAppEnvironment(topology, env = process.env) {
  const { jlis, bank, portal } = topology;
  const localhostTwin = (url) => url.replace("//127.0.0.1:", "//localhost:");
  const wanted = {
    JPKI_PORTAL_JLIS_URL: jlis.url,
    JPKI_BANK_JLIS_URL: jlis.url,
    JPKI_BANK_PORTAL_URL: portal.url,
    JPKI_PORTAL_DEV_BANK_RETURN_ORIGINS: [...new Set([bank.url, localhostTwin(bank.url)])].join(","),
  };
  return Object.fromEntries(Object.entries(wanted).filter(([name]) => env[name] === undefined || env[name] === ""));
}
