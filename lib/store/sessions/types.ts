import type { Tx } from "@/lib/db";
import type { User } from "@/lib/auth/user";
import type { ProofMethod } from "@/lib/auth/proof";

// What every session store keeps, whichever it is. Ids are the SHA-256 of the session token.

export type SessionRecord = {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  /** Set only by the lab's expiry experiment, for this one session. */
  idleTimeoutSeconds: number | null;
  /** The person's credential epoch when the session was made (lib/auth/proof.ts). */
  epoch: number;
  /** The proof the session came from: when, and how. */
  authTime: Date;
  authMethod: ProofMethod;
};
export type DeviceSession = SessionRecord & { userAgent: string | null; ip: string | null };
export type NewSession = DeviceSession;

export type SessionStoreKind = "database" | "redis" | "memory";

export interface SessionStore {
  readonly kind: SessionStoreKind;
  /** Its writes can be part of a database transaction (pass `tx`). */
  readonly inDatabase: boolean;
  create(session: NewSession, user: User): Promise<void>;
  /**
   * The session, its person, and the person's current epoch as this store knows it, in one round
   * trip: this runs on every request. A session made under an older epoch has been ended.
   */
  find(id: string): Promise<{ session: SessionRecord; user: User; epoch: number } | null>;
  /** Slides the idle deadline, unless the lab changed this session's timeout meanwhile. */
  touch(
    id: string,
    at: Date,
    idleExpiresAt: Date,
    idleTimeoutSeconds: number | null,
  ): Promise<void>;
  /**
   * The lab's expiry experiment: this session's own idle timeout (null: the configured one again,
   * its undo), starting now. False when the session is gone.
   */
  setIdleTimeout(
    id: string,
    idleTimeoutSeconds: number | null,
    at: Date,
    idleExpiresAt: Date,
  ): Promise<boolean>;
  /** Ends one session; says whose it was, or null when it was already gone. */
  delete(id: string, tx?: Tx): Promise<{ userId: string } | null>;
  /** Ends every session of a person but `exceptId`; how many ended. */
  deleteForUser(userId: string, exceptId?: string, tx?: Tx): Promise<number>;
  /**
   * The kill switch's part: every session of the person ends, and the store refuses from now on
   * any session made under an epoch older than `epoch` (one made by a sign-in that read the old
   * epoch and is still on its way). How many ended.
   */
  endForUser(userId: string, epoch: number, tx?: Tx): Promise<number>;
  /**
   * The kill switch's transaction failed after endForUser (the database kept the old epoch): lower
   * the floor raised to `epoch` again, so sessions of the person's real epoch can be stored. What
   * was ended stays ended (more signed out than asked, never less). A no-op in the database.
   */
  undoFloor(userId: string, epoch: number): Promise<void>;
  /** Ends the session of this person whose id starts with `handle` (the devices page's handle). */
  deleteByHandle(userId: string, handle: string, tx?: Tx): Promise<boolean>;
  /** The person's live sessions, newest use first. */
  list(userId: string): Promise<DeviceSession[]>;
}
