export function loadEnvFiles(dir?: string): void;
