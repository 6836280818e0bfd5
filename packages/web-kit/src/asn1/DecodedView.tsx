/** The decoders' summaries as key–value lists, Japanese with English beside, for a person reading the flow. */
import type { ReactNode } from "react";
import { formatJst } from "../format.js";
import type { CmsSummary } from "./decode-cms.js";
import type { DecodedDer } from "./decode-message.js";
import type { CertIdSummary, CertificateSummary, Decoded, OcspRequestSummary, OcspResponseSummary } from "./decode-pki.js";

type Row = [ja: string, en: string, value: ReactNode, mono?: boolean];

function Rows({ rows, testId }: { rows: ReadonlyArray<Row | false | undefined>; testId?: string }) {
  return (
    <dl className="kv decoded-kv" data-testid={testId}>
      {rows.map((row) =>
        row ? (
          <div key={row[1]} className="decoded-row">
            <dt>
              {row[0]} <span className="muted">/ {row[1]}</span>
            </dt>
            <dd className={row[3] === true ? "mono decoded-mono" : undefined}>{row[2]}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}

const time = (iso: string | undefined) => (iso === undefined ? "—" : `${formatJst(iso)} (${iso})`);

function Failure({ error }: { error: string }) {
  return (
    <p className="decoded-error" role="alert" data-testid="decoded-error">
      解析できませんでした（ASN.1 ツリーは表示できます） / Could not decode (the ASN.1 tree still shows): {error}
    </p>
  );
}

const KIND_WORDS: Record<CertificateSummary["kind"], string> = {
  S: "署名用電子証明書 / signing certificate (S)",
  R: "利用者証明用電子証明書 / user-authentication certificate (R)",
  other: "その他 / other (CA, OCSP responder…)",
};

export function CertificateSummaryView({ certificate }: { certificate: CertificateSummary }) {
  const a = certificate.attributes;
  return (
    <Rows
      testId="decoded-certificate"
      rows={[
        ["種類", "Kind", KIND_WORDS[certificate.kind]],
        ["主体者", "Subject", certificate.subject, true],
        ["発行者", "Issuer", certificate.issuer, true],
        ["シリアル番号", "Serial", `${certificate.serialNumber} (${certificate.serialNumberDecimal})`, true],
        ["有効期間の開始", "Not before", time(certificate.notBefore)],
        ["有効期間の満了", "Not after", time(certificate.notAfter)],
        certificate.policies.length > 0 && ["ポリシー", "Policies", certificate.policies.join(", "), true],
        a !== undefined && ["氏名", "Name (SAN)", a.name],
        a !== undefined && ["生年月日", "Date of birth (SAN)", a.dateOfBirth ?? "不明 / unknown"],
        a !== undefined && ["性別", "Sex (SAN)", a.sex],
        a !== undefined && ["住所", "Address (SAN)", a.address],
        certificate.attributesError !== undefined && ["基本4情報", "Four attributes", `読めません / unreadable: ${certificate.attributesError}`],
        certificate.ocspUrls.length > 0 && ["OCSP", "OCSP URL", certificate.ocspUrls.join(" "), true],
      ]}
    />
  );
}

function CertIdRows({ certId }: { certId: CertIdSummary }) {
  return (
    <Rows
      rows={[
        ["対象のシリアル番号", "Serial asked about", certId.serialNumber, true],
        ["ハッシュ", "Hash algorithm", certId.hashAlgorithm],
        ["発行者名ハッシュ", "Issuer name hash", certId.issuerNameHash, true],
        ["発行者鍵ハッシュ", "Issuer key hash", certId.issuerKeyHash, true],
      ]}
    />
  );
}

export function OcspRequestSummaryView({ request }: { request: OcspRequestSummary }) {
  return (
    <div data-testid="decoded-ocsp-request">
      {request.certIds.map((certId, i) => (
        <section key={i} className="decoded-part">
          <h4>CertID {request.certIds.length > 1 ? i + 1 : ""}</h4>
          <CertIdRows certId={certId} />
        </section>
      ))}
      <Rows
        rows={[
          ["ナンス", "Nonce", request.nonce ?? "なし / none", true],
          ["署名", "Signed request", request.signed ? "あり / yes" : "なし / no"],
          request.otherExtensions.length > 0 && ["その他の拡張", "Other extensions", request.otherExtensions.join(", ")],
        ]}
      />
    </div>
  );
}

const STATUS_WORDS: Record<string, string> = { good: "有効 / good", revoked: "失効 / revoked", unknown: "不明 / unknown" };

export function OcspResponseSummaryView({ response }: { response: OcspResponseSummary }) {
  return (
    <div data-testid="decoded-ocsp-response">
      <Rows
        rows={[
          ["応答状態", "responseStatus", response.responseStatus],
          response.responderId !== undefined && ["応答者", "Responder ID", response.responderId, true],
          response.producedAt !== undefined && ["作成時刻", "producedAt", time(response.producedAt)],
          ["ナンス", "Nonce", response.nonce ?? "なし / none", true],
          response.signatureAlgorithm !== undefined && ["署名アルゴリズム", "Signature algorithm", response.signatureAlgorithm],
          response.certificates.length > 0 && ["応答者の証明書", "Responder certificate", response.certificates.join("; "), true],
        ]}
      />
      {response.responses.map((single, i) => (
        <section key={i} className={`decoded-part decoded-status-${single.certStatus}`}>
          <h4>
            SingleResponse {response.responses.length > 1 ? i + 1 : ""}: <strong data-testid="decoded-cert-status">{STATUS_WORDS[single.certStatus] ?? single.certStatus}</strong>
            {single.revocationReason !== undefined && <> ({single.revocationReason})</>}
          </h4>
          <Rows
            rows={[
              ["シリアル番号", "Serial", single.certId.serialNumber, true],
              single.revocationTime !== undefined && ["失効時刻", "revocationTime", time(single.revocationTime)],
              single.revocationReason !== undefined && ["失効理由", "revocationReason", single.revocationReason],
              ["thisUpdate", "thisUpdate", time(single.thisUpdate)],
              ["nextUpdate", "nextUpdate", time(single.nextUpdate)],
            ]}
          />
        </section>
      ))}
    </div>
  );
}

export function CmsSummaryView({ cms }: { cms: CmsSummary }) {
  return (
    <div data-testid="decoded-cms">
      <Rows
        rows={[
          ["種類", "Content type", cms.contentType],
          ["署名対象の種類", "eContentType", cms.eContentType ?? "—"],
          ["ダイジェスト", "Digest algorithms", cms.digestAlgorithms.join(", ")],
          ["署名された内容", "Signed content", cms.contentBytes === undefined ? "なし（分離署名） / detached" : `${cms.contentBytes.toLocaleString("en")} bytes${cms.contentText === undefined ? " (binary)" : ", UTF-8"}`],
        ]}
      />
      {cms.contentText !== undefined && <pre className="decoded-content">{cms.contentText}</pre>}
      {cms.signers.map((signer, i) => (
        <section key={i} className="decoded-part">
          <h4>署名者 / Signer {cms.signers.length > 1 ? i + 1 : ""}</h4>
          <Rows
            rows={[
              ["主体者", "Subject", signer.subject ?? "（証明書なし / certificate not in the CMS）", true],
              signer.serialNumber !== undefined && ["シリアル番号", "Serial", signer.serialNumber, true],
              signer.issuer !== undefined && ["発行者", "Issuer", signer.issuer, true],
              signer.subjectKeyIdentifier !== undefined && ["鍵識別子", "subjectKeyIdentifier", signer.subjectKeyIdentifier, true],
              ["署名時刻", "signingTime", time(signer.signingTime)],
              ["ダイジェスト", "Digest algorithm", signer.digestAlgorithm],
              ["署名アルゴリズム", "Signature algorithm", `${signer.signatureAlgorithm}, ${signer.signatureBytes} bytes`],
              signer.messageDigest !== undefined && ["messageDigest", "messageDigest", signer.messageDigest, true],
              ["署名属性", "Signed attributes", signer.signedAttributes.join(", ") || "なし / none"],
            ]}
          />
        </section>
      ))}
      {cms.certificates.map((certificate, i) => (
        <section key={`c${i}`} className="decoded-part">
          <h4>証明書 / Certificate {i + 1}</h4>
          {certificate.ok ? <CertificateSummaryView certificate={certificate.value} /> : <Failure error={certificate.error} />}
        </section>
      ))}
    </div>
  );
}

function Result<T>({ result, render }: { result: Decoded<T>; render: (value: T) => ReactNode }) {
  return result.ok ? <>{render(result.value)}</> : <Failure error={result.error} />;
}

/** A decoded message of any kind (decodeDer's result). */
export function DecodedView({ decoded }: { decoded: DecodedDer }) {
  switch (decoded.kind) {
    case "cms":
      return <Result result={decoded.result} render={(v) => <CmsSummaryView cms={v} />} />;
    case "ocspRequest":
      return <Result result={decoded.result} render={(v) => <OcspRequestSummaryView request={v} />} />;
    case "ocspResponse":
      return <Result result={decoded.result} render={(v) => <OcspResponseSummaryView response={v} />} />;
    case "certificate":
      return <Result result={decoded.result} render={(v) => <CertificateSummaryView certificate={v} />} />;
  }
}
