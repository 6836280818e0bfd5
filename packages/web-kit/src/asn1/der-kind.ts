/**
 * Which decoder a message's media type calls for. Apart from the decoders on purpose: a page can choose the
 * views it offers without loading jpki-core, and load the decoders only when a view opens.
 */
export type DerKind = "cms" | "ocspRequest" | "ocspResponse" | "certificate";

/** application/pkcs7-mime → cms, application/ocsp-request, application/ocsp-response, application/pkix-cert. */
export function derKindOf(contentType: string): DerKind | undefined {
  const type = contentType.toLowerCase().split(";")[0]!.trim();
  if (/pkcs7|cms/.test(type)) return "cms";
  if (type === "application/ocsp-request") return "ocspRequest";
  if (type === "application/ocsp-response") return "ocspResponse";
  if (/pkix-cert|x509|x-x509/.test(type)) return "certificate";
  return undefined;
}
