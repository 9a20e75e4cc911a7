export function generateSecrets(): Record<
  "SESSION_PASSWORDS" | "JWT_PRIVATE_KEYS" | "AUTH_SECRET",
  string
>;
export function ensureDevSecrets(file?: string): string[];
