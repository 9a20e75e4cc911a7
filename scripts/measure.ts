// The timing loop both in-process benchmarks share (npm run bench, scripts/bench-db-paths.ts):
// warm up, then time each call on its own and print a markdown row of the median and p95 in µs.

export async function measure(
  label: string,
  iterations: number,
  step: () => unknown,
  warmUp = 50,
): Promise<void> {
  for (let i = 0; i < warmUp; i++) await step();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    await step();
    samples.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(`| ${label} | ${at(0.5)} µs | ${at(0.95)} µs |`);
}
