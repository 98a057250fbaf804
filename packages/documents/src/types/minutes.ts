/** Everything the procès-verbal of a jury session prints; plain data, as read from the closed session. */
interface MinutesInput {
  /** INSEE region code and name; the code also gives the local time zone (overseas regions). */
  region: { code: string; name: string };
  session: {
    id: string;
    /** `YYYY-MM-DD`. */
    date: string;
    /** `HH:MM`, local time. */
    startTime: string;
    place?: string | null;
    videoLink?: string | null;
    /** ISO 8601 instant; printed in the region's local time. */
    closedAt?: string | null;
  };
  /** The members convened, in print order within each college. */
  members: { name: string; college: 'employer' | 'employee' | null; present: boolean }[];
  secretary?: { name: string } | null;
  /** In any order: the table is sorted by last name. */
  candidates: {
    lastName: string;
    firstName: string;
    /** `YYYY-MM-DD`; absent once the candidate's data was erased (the last name is then an initial). */
    birthDate?: string;
    networkName: string;
    evaluatingOrganism: string;
    /** 1 for a first presentation, 2 after an adjournment… */
    presentation: number;
    /** `returned`: no decision the voters took when the session closed; back to the region's pipeline. */
    decision: 'certified' | 'adjourned' | 'returned';
    /** How the jury deliberated on this candidate (SPEC §4), by name; absent for older sessions. */
    deliberation?: {
      present: string[];
      certify: string[];
      adjourn: string[];
      /** Voters who cast no vote. */
      abstained: string[];
      conflicted: string[];
      /** Votes the outcome needed, out of `voters`. */
      required: number;
      voters: number;
    } | null;
    /** The reason of an adjournment. */
    reason?: string | null;
    /** The certificate issued to a certified candidate. */
    certificateCode?: string | null;
  }[];
  /** Members who did not vote on a candidate, and why. */
  conflicts: { memberName: string; candidateName: string; reason: string }[];
  /** `YYYY-MM-DD`: the PDF's creation date. */
  issuedOn: string;
}

export type { MinutesInput };
