/**
 * jpki-core in a browser (STYLE.md: jpki-core runs in Node and in the browser): the built package bundled for
 * the browser platform (esbuild honours package.json's "browser" field, which leaves the Node-only
 * @peculiar/webcrypto out) and run in Debian's Chromium on the browser's own WebCrypto. There it parses and
 * verifies what Node made, and makes a CA, 花子's S certificate and a CMS that Node and OpenSSL accept.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bytesToBase64, base64ToBytes } from "./encoding/pem.js";
import { signCms } from "./cms/sign.js";
import { verifyCms } from "./cms/verify.js";
import { sandboxFixture, tempDir, writePem } from "./test-support/fixtures.js";
import { opensslOk } from "./test-support/openssl.js";
import { HANAKO } from "./persona/persona.js";
import { x509 } from "./crypto/x509-library.js";

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ORIGIN = "http://127.0.0.1:9"; // never contacted: the page's requests are answered by route()

// What the page runs: the published entry point, as an application's bundler would import it.
const ENTRY = `
import * as core from "@jpki-sandbox/jpki-core";
globalThis.jpki = {
  provider: () => core.getCryptoProviderName(),
  async verify(cmsBase64) {
    const verified = await core.verifyCms(core.base64ToBytes(cmsBase64));
    const parsed = core.parseCertificate(verified.signerCertificate.rawData);
    return { content: new TextDecoder().decode(verified.content), kind: parsed.kind, name: parsed.attributes?.name, serial: parsed.serialNumber };
  },
  async signAsHanako(text) {
    const ca = await core.createCertificationAuthority({ kind: "S" });
    const keys = await core.generateRsaKeyPair();
    const { certificate } = await core.issueSigningCertificate({ ca, publicKey: keys.publicKey, persona: core.HANAKO, issuedAt: new Date() });
    const cms = await core.signCms({ content: new TextEncoder().encode(text), signerCertificate: certificate, signer: await core.createSoftwareSigner(keys.privateKey) });
    return { cms: core.bytesToBase64(cms), caPem: ca.certificate.toString("pem") };
  },
};
`;

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: PACKAGE_DIR, loader: "js" },
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0]!.text;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  page = await browser.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  // A loopback origin: WebCrypto's subtle is there only in a secure context.
  await page.route(`${ORIGIN}/**`, (route) =>
    route.request().url().endsWith("/jpki-core.js")
      ? route.fulfill({ contentType: "text/javascript", body: script })
      : route.fulfill({ contentType: "text/html", body: '<!doctype html><script type="module" src="/jpki-core.js"></script>' }),
  );
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => "jpki" in globalThis);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("jpki-core in Chromium", () => {
  it("loads without Node's modules and uses the browser's own WebCrypto", async () => {
    expect(await page.evaluate(() => (globalThis as unknown as { jpki: { provider(): string } }).jpki.provider())).toBe("native");
    expect(pageErrors).toEqual([]);
  });

  it("verifies a CMS that Node signed and reads 花子's S certificate from it", async () => {
    const { hanakoS } = await sandboxFixture();
    const cms = await signCms({ content: new TextEncoder().encode("口座開設申込書 / application"), signerCertificate: hanakoS.certificate, signer: hanakoS.signer });
    const result = await page.evaluate(
      (b64) => (globalThis as unknown as { jpki: { verify(b: string): Promise<unknown> } }).jpki.verify(b64),
      bytesToBase64(cms),
    );
    expect(result).toEqual({ content: "口座開設申込書 / application", kind: "S", name: HANAKO.name, serial: expect.stringMatching(/^[0-9a-f]+$/) });
  });

  it("makes a CA, 花子's S certificate and a CMS that Node's verifyCms and openssl cms -verify accept", async () => {
    const made = (await page.evaluate(() =>
      (globalThis as unknown as { jpki: { signAsHanako(t: string): Promise<unknown> } }).jpki.signAsHanako("made in the browser"),
    )) as { cms: string; caPem: string };
    const cms = base64ToBytes(made.cms);
    expect(new TextDecoder().decode((await verifyCms(cms)).content)).toBe("made in the browser");

    const dir = tempDir("jpki-core-browser-");
    writeFileSync(path.join(dir, "app.cms"), cms);
    const caFile = writePem(dir, "s-ca.pem", new x509.X509Certificate(made.caPem));
    opensslOk(["cms", "-verify", "-inform", "DER", "-in", path.join(dir, "app.cms"), "-CAfile", caFile, "-purpose", "any", "-out", path.join(dir, "out.txt")]);
    expect(readFileSync(path.join(dir, "out.txt"), "utf8")).toBe("made in the browser");
  }, 60_000);
});
