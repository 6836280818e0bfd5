/** Records → the API's views (shared/api-types.ts). */
import type { AccountView, CustomerView, JourneyView, LinkView, StaffCustomerSummary, StatusEventView } from "../shared/api-types.js";
import type { CustomerRecord, JourneyRecord, LinkRecord, StatusEventRecord } from "./records.js";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function linkView(link: LinkRecord): LinkView {
  return { signingSerial: link.signingSerial, userAuthSerial: link.userAuthSerial, createdAt: link.createdAt.toISOString(), source: link.source, active: link.active };
}

export function customerView(customer: CustomerRecord): CustomerView {
  return {
    id: customer.id,
    name: customer.name,
    dateOfBirth: customer.dateOfBirth,
    sex: customer.sex,
    address: customer.address,
    status: customer.status,
    attributesMayHaveChanged: customer.attributesMayHaveChanged,
    statusReason: customer.statusReason,
    createdAt: customer.createdAt.toISOString(),
    attributesUpdatedAt: customer.attributesUpdatedAt.toISOString(),
  };
}

export function eventView(event: StatusEventRecord): StatusEventView {
  return { at: event.at.toISOString(), kind: event.kind, summary: event.summary };
}

export function accountView(customer: CustomerRecord, link: LinkRecord | undefined, events: StatusEventRecord[]): AccountView {
  return { customer: customerView(customer), link: link ? linkView(link) : null, history: events.map(eventView) };
}

export function staffSummary(customer: CustomerRecord, link: LinkRecord | undefined): StaffCustomerSummary {
  return {
    id: customer.id,
    name: customer.name,
    status: customer.status,
    attributesMayHaveChanged: customer.attributesMayHaveChanged,
    link: link ? linkView(link) : null,
    createdAt: customer.createdAt.toISOString(),
    lastRevalidatedAt: iso(customer.lastRevalidatedAt),
  };
}

const NEXT: Record<JourneyView["kind"], JourneyView["next"]> = { opening: "login", login: "account", relink: "account", attributeRefresh: "account" };

export function journeyView(journey: JourneyRecord, extras: { customer?: CustomerRecord; link?: LinkRecord } = {}): JourneyView {
  const canRelink = journey.kind === "login" && journey.status === "rejected" && journey.rejection?.code === "CUSTOMER_UNKNOWN" && journey.signerSerial !== null;
  return {
    id: journey.id,
    kind: journey.kind,
    status: journey.status,
    createdAt: journey.createdAt.toISOString(),
    completedAt: iso(journey.completedAt),
    ...(journey.input ? { application: journey.input } : {}),
    ...(journey.document !== null ? { document: journey.document } : {}),
    steps: journey.steps,
    ...(journey.rejection ? { rejection: journey.rejection } : {}),
    ...(extras.customer ? { customer: { id: extras.customer.id, name: extras.customer.name } } : {}),
    ...(extras.link ? { link: linkView(extras.link) } : {}),
    ...(canRelink ? { canRelink } : {}),
    ...(journey.status === "awaitingApproval" ? { approvalUrl: journey.approvalUrl } : {}),
    next: journey.status === "completed" ? NEXT[journey.kind] : journey.kind === "opening" ? "open" : "login",
  };
}
