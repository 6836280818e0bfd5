/**
 * The open endpoints (like production PKI status services): CA and responder certificates, CRLs, the
 * sandbox clock, health.
 */
import { Router, type Response } from "express";
import { toPem, type CertificateKind } from "@jpki-sandbox/jpki-core";
import type { Authorities } from "../../domain/authorities.js";
import type { CrlPublisher } from "../../domain/crl-publisher.js";
import { JlisError } from "../../domain/errors.js";
import type { SandboxControls } from "../../domain/sandbox-controls.js";
import { clockJson } from "../json.js";

const kindOf = (value: string): CertificateKind => {
  if (value === "s") return "S";
  if (value === "r") return "R";
  throw new JlisError("NOT_FOUND", `no CA "${value}": use s (署名用, signing) or r (利用者証明用, user authentication)`);
};

function sendDer(res: Response, der: Uint8Array, contentType: string, fileName: string) {
  res.type(contentType).setHeader("Content-Disposition", `inline; filename="${fileName}"`);
  res.send(Buffer.from(der.buffer, der.byteOffset, der.byteLength));
}

export function publicRoutes(authorities: Authorities, crls: CrlPublisher, controls: SandboxControls): Router {
  const router = Router();

  router.get("/clock", (_req, res) => {
    res.json(clockJson(controls.clock()));
  });

  router.get("/ca/:file", (req, res) => {
    const match = /^([sr])(-ocsp)?\.(cer|pem)$/.exec(req.params.file);
    if (!match) throw new JlisError("NOT_FOUND", `no CA file ${req.params.file} (try s.cer, r.pem, s-ocsp.cer)`);
    const authority = authorities[kindOf(match[1] as string)];
    const certificate = match[2] ? authority.responder.certificate : authority.ca.certificate;
    const der = new Uint8Array(certificate.rawData);
    if (match[3] === "pem") res.type("application/x-pem-file").send(toPem(der, "CERTIFICATE"));
    else sendDer(res, der, "application/pkix-cert", req.params.file);
  });

  const sendCrl = async (res: Response, kind: CertificateKind, municipality?: { prefectureRomaji: string; cityRomaji: string }) => {
    const crl = await crls.current(kind, municipality);
    res.setHeader("Last-Modified", crl.thisUpdate.toUTCString());
    res.setHeader("Expires", crl.nextUpdate.toUTCString());
    res.setHeader("Cache-Control", "no-cache");
    sendDer(res, crl.der, "application/pkix-crl", `${kind.toLowerCase()}-${crl.crlNumber}.crl`);
  };

  router.get("/crl/:file", async (req, res) => {
    const match = /^([sr])\.crl$/.exec(req.params.file);
    if (!match) throw new JlisError("NOT_FOUND", `no CRL ${req.params.file} (try s.crl or r.crl)`);
    await sendCrl(res, kindOf(match[1] as string));
  });

  router.get("/crl/:kind/:prefecture/:file", async (req, res) => {
    const match = /^([A-Za-z][A-Za-z-]*)\.crl$/.exec(req.params.file);
    if (!match || !/^[A-Za-z][A-Za-z-]*$/.test(req.params.prefecture)) {
      throw new JlisError("NOT_FOUND", "municipal CRLs are /crl/{s,r}/<prefectureRomaji>/<cityRomaji>.crl");
    }
    await sendCrl(res, kindOf(req.params.kind), { prefectureRomaji: req.params.prefecture, cityRomaji: match[1] as string });
  });

  return router;
}
