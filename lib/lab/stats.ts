// The few statistics the lab's measurements report: a quantile of samples (the nearest rank).

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export const median = (values: number[]) => quantile(values, 0.5);
