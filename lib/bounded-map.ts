// A Map that holds at most `limit` entries: a new key past the limit pushes the oldest out (the
// first inserted). For per-process memos of work that can always be done again: a seal's token, a
// verified signature, an imported key, when a log line was last written.

export class BoundedMap<K, V> extends Map<K, V> {
  constructor(readonly limit: number) {
    super();
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be at least 1");
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.limit) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
