// The person, as every part of the app shows them: one shape whichever strategy signed them in
// and whichever store their credential lives in. What a credential adds (its proof, the epoch)
// is written next to it, as `User & { … }`, never as another person type.

export type User = { id: string; email: string; name: string | null };
