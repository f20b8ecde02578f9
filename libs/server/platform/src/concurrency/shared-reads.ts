/**
 * One read per key at a time. Requests that need the same thing at once (a kept answer or index
 * that went stale under load) wait for the first one's read instead of each making their own.
 * The key is forgotten as soon as the read settles, so a failed read is not kept: the next
 * request reads anew.
 */
export class SharedReads<T> {
  private readonly reading = new Map<string, Promise<T>>();

  read(key: string, start: () => Promise<T>): Promise<T> {
    const pending = this.reading.get(key);
    if (pending) return pending;
    const read = start().finally(() => this.reading.delete(key));
    this.reading.set(key, read);
    return read;
  }
}
