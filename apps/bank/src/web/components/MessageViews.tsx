/**
 * A DER message in words and as an ASN.1 tree. The words come from the bank (POST /api/walkthrough/decode,
 * jpki-core's parsers: jpki-core does not load in a browser bundle yet); the tree is drawn here by web-kit.
 */
import { Asn1Tree, DecodedView, ResourceView, useResource } from "@jpki-sandbox/web-kit";
import { api } from "../api";

export function DecodedMessage({ contentType, base64 }: { contentType: string; base64: string }) {
  const { resource, reload } = useResource(() => api.decodeMessage({ contentType, der: base64 }), [contentType, base64]);
  return (
    <ResourceView resource={resource} onRetry={reload} what="decoded message">
      {(decoded) => <DecodedView decoded={decoded} />}
    </ResourceView>
  );
}

export function MessageTree({ der, label }: { der: Uint8Array; label: string }) {
  return <Asn1Tree der={der} label={`ASN.1: ${label}`} testId="asn1-tree" />;
}
