// The changes the OAuth step log can replay a flow with (./flow-replay.ts runs them), by id, with
// the words a person picks from. Plain data: the page's picker reads it too.

export const FLOW_CHANGES = {
  "drop-pkce": "Drop PKCE (no code_challenge)",
  "redirect-uri": "Send the code to another redirect_uri",
  "reuse-code": "Redeem the same code twice",
  "wrong-state": "Come back with another state",
} as const;

export type FlowChange = keyof typeof FLOW_CHANGES;

export const FLOW_CHANGE_IDS = Object.keys(FLOW_CHANGES) as [FlowChange, ...FlowChange[]];
