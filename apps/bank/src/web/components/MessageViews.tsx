/**
 * A DER message in words and as an ASN.1 tree, both made here in the browser by web-kit: the words by its
 * decoders (jpki-core's parsers, loaded on first use so pages without messages stay small), the tree by its
 * ASN.1 viewer.
 */
import { Asn1Tree, DecodedView, ResourceView, useResource, type DecodedDer } from "@jpki-sandbox/web-kit";

async function decode(contentType: string, base64: string): Promise<DecodedDer> {
  const [{ decodeDer, derKindOf }, { base64ToBytes }] = await Promise.all([import("@jpki-sandbox/web-kit/decoders"), import("@jpki-sandbox/jpki-core")]);
  const kind = derKindOf(contentType);
  if (kind === undefined) throw new Error(`no decoder for ${contentType}`);
  return decodeDer(kind, base64ToBytes(base64));
}

export function DecodedMessage({ contentType, base64 }: { contentType: string; base64: string }) {
  const { resource, reload } = useResource(() => decode(contentType, base64), [contentType, base64]);
  return (
    <ResourceView resource={resource} onRetry={reload} what="decoded message">
      {(decoded) => <DecodedView decoded={decoded} />}
    </ResourceView>
  );
}

export function MessageTree({ der, label }: { der: Uint8Array; label: string }) {
  return <Asn1Tree der={der} label={`ASN.1: ${label}`} testId="asn1-tree" />;
}
