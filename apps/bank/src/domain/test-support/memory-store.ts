/**
 * An in-memory BankStore for the domain's unit tests (TEST ONLY): plain arrays, copies on the way in and out
 * so a test sees only what the domain wrote through the port.
 */
import type { BankStore } from "../ports.js";
import type {
  ApplicationRecord,
  ChallengeRecord,
  CustomerRecord,
  JourneyRecord,
  LinkRecord,
  RevalidationRunRecord,
  SessionRecord,
  StatusEventRecord,
} from "../records.js";

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryBankStore implements BankStore {
  readonly data = {
    customers: [] as CustomerRecord[],
    links: [] as LinkRecord[],
    applications: [] as ApplicationRecord[],
    journeys: [] as JourneyRecord[],
    challenges: [] as ChallengeRecord[],
    sessions: [] as SessionRecord[],
    events: [] as StatusEventRecord[],
    revalidations: [] as RevalidationRunRecord[],
  };

  readonly customers: BankStore["customers"] = {
    get: async (id) => copy(this.data.customers.find((c) => c.id === id)),
    list: async () => copy(this.data.customers),
    insert: async (customer) => {
      this.data.customers.push(copy(customer));
    },
    update: async (id, changes) => {
      const customer = this.data.customers.find((c) => c.id === id);
      if (!customer) throw new Error(`no customer ${id}`);
      Object.assign(customer, copy(changes));
    },
  };

  readonly links: BankStore["links"] = {
    activeOf: async (customerId) => copy(this.data.links.find((l) => l.customerId === customerId && l.active)),
    listOf: async (customerId) => copy(this.data.links.filter((l) => l.customerId === customerId)),
    findByUserAuthSerial: async (serial) => copy(this.data.links.find((l) => l.active && l.userAuthSerial === serial)),
    findBySigningSerial: async (serial) => copy(this.data.links.find((l) => l.active && l.signingSerial === serial)),
    listActive: async () => copy(this.data.links.filter((l) => l.active)),
    replace: async (link) => {
      for (const old of this.data.links) {
        if (old.customerId === link.customerId && old.active) Object.assign(old, { active: false, replacedAt: link.createdAt });
      }
      this.data.links.push(copy(link));
    },
    setUserAuthSerial: async (id, serial) => {
      const link = this.data.links.find((l) => l.id === id && l.active);
      if (!link) throw new Error(`no active link ${id}`);
      link.userAuthSerial = serial;
    },
  };

  readonly applications: BankStore["applications"] = {
    insert: async (application) => {
      this.data.applications.push(copy(application));
    },
    listOf: async (customerId) => copy(this.data.applications.filter((a) => a.customerId === customerId)),
  };

  readonly journeys: BankStore["journeys"] = {
    get: async (id) => copy(this.data.journeys.find((j) => j.id === id)),
    getByState: async (state) => copy(this.data.journeys.find((j) => j.state === state)),
    listOf: async (customerId) => copy(this.data.journeys.filter((j) => j.customerId === customerId)),
    listOfBrowser: async (browserHash, limit) =>
      copy(
        this.data.journeys
          .filter((j) => j.browserHash === browserHash)
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
          .slice(0, limit),
      ),
    insert: async (journey) => {
      this.data.journeys.push(copy(journey));
    },
    transition: async (id, from, changes) => {
      const journey = this.data.journeys.find((j) => j.id === id);
      if (!journey || journey.status !== from) return false;
      Object.assign(journey, copy(changes));
      return true;
    },
    update: async (id, changes) => {
      const journey = this.data.journeys.find((j) => j.id === id);
      if (journey) Object.assign(journey, copy(changes));
    },
  };

  readonly challenges: BankStore["challenges"] = {
    insert: async (challenge) => {
      this.data.challenges.push(copy(challenge));
    },
    consume: async (id, at) => {
      const challenge = this.data.challenges.find((c) => c.id === id);
      if (!challenge) return undefined;
      const previous = copy(challenge);
      challenge.consumedAt ??= at;
      return previous;
    },
  };

  readonly sessions: BankStore["sessions"] = {
    get: async (tokenHash) => copy(this.data.sessions.find((s) => s.tokenHash === tokenHash)),
    insert: async (session) => {
      this.data.sessions.push(copy(session));
    },
    delete: async (tokenHash) => {
      this.data.sessions = this.data.sessions.filter((s) => s.tokenHash !== tokenHash);
    },
  };

  readonly events: BankStore["events"] = {
    insert: async (event) => {
      this.data.events.push(copy(event));
    },
    listOf: async (customerId) => copy(this.data.events.filter((e) => e.customerId === customerId)),
  };

  readonly revalidations: BankStore["revalidations"] = {
    insert: async (run) => {
      this.data.revalidations.push(copy(run));
    },
    update: async (id, changes) => {
      const run = this.data.revalidations.find((r) => r.id === id);
      if (run) Object.assign(run, copy(changes));
    },
    list: async (limit) => copy(this.data.revalidations.slice(-limit).reverse()),
  };
}
