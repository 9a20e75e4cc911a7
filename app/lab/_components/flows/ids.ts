// The three flows every strategy draws, in their order on the page: a file of their own, so each
// strategy's flows and the index that gathers them import it without importing one another.

export const FLOW_IDS = ["sign-in", "request", "refresh-revoke"] as const;
export type FlowId = (typeof FLOW_IDS)[number];
