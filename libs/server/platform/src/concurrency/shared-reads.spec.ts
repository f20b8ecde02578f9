import { SharedReads } from './shared-reads';

describe('SharedReads', () => {
  it('gives the requests asking for one key at once the first one’s read', async () => {
    const reads = new SharedReads<string>();
    let started = 0;
    let finish!: (value: string) => void;
    const start = () => {
      started++;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const asked = [reads.read('a', start), reads.read('a', start), reads.read('a', start)];
    const other = reads.read('b', async () => 'b read');
    finish('a read');
    expect(await Promise.all(asked)).toEqual(['a read', 'a read', 'a read']);
    expect(await other).toBe('b read');
    expect(started).toBe(1);
  });

  it('reads again once a read has settled, and keeps no failure', async () => {
    const reads = new SharedReads<number>();
    let started = 0;
    await expect(
      reads.read('k', async () => {
        started++;
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');
    expect(await reads.read('k', async () => ++started)).toBe(2);
    expect(await reads.read('k', async () => ++started)).toBe(3);
  });
});
