/** handover.recorded: the outgoing storekeeper is the actor, the incoming one the approver. */
export interface HandoverRecorded {
  expected: number;
  counted: number[];
  missing: number[];
  unexpected: number[];
  /** Keys passed from the outgoing to the incoming storekeeper. */
  keys: number[];
  note: string;
}

/** key.registered: a key of the key register (registre des clés); its id is this seq. */
export interface KeyRegistered {
  code: string;
  opens: string;
  holder: number;
}
