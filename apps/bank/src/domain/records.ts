/** What the bank keeps (prisma/schema.prisma), as the domain sees it. */
import type { ApplicationInput, CustomerStatus, JourneyKind, JourneyStatus, RejectionView, RevalidationResultView, Sex, StepView } from "../shared/api-types.js";

export interface CustomerRecord {
  id: string;
  name: string;
  dateOfBirth: string;
  sex: Sex;
  address: string;
  status: CustomerStatus;
  statusReason: string | null;
  attributesMayHaveChanged: boolean;
  attributesUpdatedAt: Date;
  lastRevalidatedAt: Date | null;
  createdAt: Date;
}

export type LinkSource = "opening" | "revalidation" | "relink" | "attributeRefresh";

export interface LinkRecord {
  id: string;
  customerId: string;
  signingSerial: string;
  signingCertificatePem: string;
  userAuthSerial: string | null;
  source: LinkSource;
  active: boolean;
  createdAt: Date;
  replacedAt: Date | null;
}

export interface ApplicationRecord {
  id: string;
  customerId: string;
  journeyId: string;
  form: ApplicationInput;
  document: string;
  cms: string;
  signingSerial: string;
  createdAt: Date;
}

export interface JourneyRecord {
  id: string;
  kind: JourneyKind;
  browserHash: string;
  status: JourneyStatus;
  state: string;
  portalRequestId: string;
  approvalUrl: string;
  input: ApplicationInput | null;
  document: string | null;
  challengeId: string | null;
  signerSerial: string | null;
  steps: StepView[];
  rejection: RejectionView | null;
  customerId: string | null;
  parentJourneyId: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export interface ChallengeRecord {
  id: string;
  nonce: string;
  issuedAt: Date;
  expiresAt: Date;
  consumedAt: Date | null;
}

export interface SessionRecord {
  tokenHash: string;
  customerId: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface StatusEventRecord {
  id: string;
  customerId: string;
  at: Date;
  kind: string;
  summary: string;
}

export interface RevalidationRunRecord {
  id: string;
  trigger: "schedule" | "staff";
  startedAt: Date;
  finishedAt: Date | null;
  results: RevalidationResultView[];
}
