/**
 * The one place where jpki-core chooses its WebCrypto implementation, for @peculiar/x509 and pkijs alike.
 *
 * Two providers are supported and tested: the runtime's own WebCrypto (`native`: Node's built-in or the
 * browser's, ~2.5× faster for RSA signing) and @peculiar/webcrypto (`peculiar`). Keys from one provider do not
 * work in the other, so switch before making any key.
 */
import "reflect-metadata";
// A namespace import: in a browser bundle package.json's "browser" field maps @peculiar/webcrypto (Node only:
// it needs node:crypto and Buffer as it loads) to an empty module, and the browser's own WebCrypto serves.
import * as peculiarWebcrypto from "@peculiar/webcrypto";
import { x509 } from "./x509-library.js";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export type CryptoProviderName = "native" | "peculiar";

/**
 * pkijs writes sha256WithRSAEncryption with absent parameters; RFC 4055 §5 asks for an explicit NULL, as
 * OpenSSL and @peculiar/x509 write it. Fixing it here keeps every pkijs-made structure byte-consistent.
 */
class Rfc4055CryptoEngine extends pkijs.CryptoEngine {
  override async getSignatureParameters(
    privateKey: CryptoKey,
    hashAlgorithm?: string,
  ): Promise<pkijs.CryptoEngineSignatureParams> {
    const result = await super.getSignatureParameters(privateKey, hashAlgorithm);
    if (privateKey.algorithm.name.toUpperCase() === "RSASSA-PKCS1-V1_5") {
      result.signatureAlgorithm.algorithmParams = new asn1js.Null();
    }
    return result;
  }
}

let active: { name: CryptoProviderName; crypto: Crypto } | undefined;

function nativeCrypto(): Crypto | undefined {
  const candidate = (globalThis as { crypto?: Crypto }).crypto;
  return candidate?.subtle ? candidate : undefined;
}

function peculiarCrypto(): Crypto {
  const { Crypto: PeculiarCrypto } = peculiarWebcrypto as Partial<typeof peculiarWebcrypto>;
  if (PeculiarCrypto === undefined) throw new Error("@peculiar/webcrypto is not available here (a browser bundle); use the 'native' provider");
  return new PeculiarCrypto() as unknown as Crypto;
}

/** Selects the WebCrypto provider for every jpki-core operation in this process (or page). */
export function useCryptoProvider(name: CryptoProviderName): void {
  const crypto = name === "native" ? nativeCrypto() : peculiarCrypto();
  if (!crypto) throw new Error("this runtime has no WebCrypto; use the 'peculiar' provider");
  x509.cryptoProvider.set(crypto);
  pkijs.setEngine(name, new Rfc4055CryptoEngine({ name, crypto }));
  active = { name, crypto };
}

/** The active provider, chosen on first use: the runtime's WebCrypto when it has one. */
export function getCrypto(): Crypto {
  if (!active) useCryptoProvider(nativeCrypto() ? "native" : "peculiar");
  return active!.crypto;
}

export function getCryptoProviderName(): CryptoProviderName {
  getCrypto();
  return active!.name;
}
