/**
 * Indexed binary min-heap of node ids 0..size-1 keyed by an external distance array, for Dijkstra:
 * decrease-key in O(log n), equal distances ordered by id so every search is deterministic.
 */
export class DistanceHeap {
  private readonly heap: Int32Array;
  /** Heap slot of each node, -1 when not in the heap. */
  private readonly position: Int32Array;
  private count = 0;

  constructor(
    size: number,
    private readonly dist: Float64Array,
  ) {
    this.heap = new Int32Array(size);
    this.position = new Int32Array(size).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** The node with the smallest distance; the heap must not be empty. */
  peek(): number {
    return this.heap[0];
  }

  /** Inserts `node`, or moves it up after its distance decreased. */
  push(node: number): void {
    let at = this.position[node];
    if (at === -1) {
      at = this.count++;
      this.heap[at] = node;
    }
    this.siftUp(at);
  }

  pop(): number {
    const top = this.heap[0];
    this.position[top] = -1;
    const last = this.heap[--this.count];
    if (this.count > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** Empties the heap; callers reset the distances they wrote. */
  clear(): void {
    for (let k = 0; k < this.count; k++) this.position[this.heap[k]] = -1;
    this.count = 0;
  }

  private before(a: number, b: number): boolean {
    const da = this.dist[a];
    const db = this.dist[b];
    return da < db || (da === db && a < b);
  }

  private siftUp(at: number): void {
    const node = this.heap[at];
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = this.heap[parentAt];
      if (!this.before(node, parent)) break;
      this.heap[at] = parent;
      this.position[parent] = at;
      at = parentAt;
    }
    this.heap[at] = node;
    this.position[node] = at;
  }

  private siftDown(at: number): void {
    const node = this.heap[at];
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.count) break;
      if (child + 1 < this.count && this.before(this.heap[child + 1], this.heap[child])) child++;
      const next = this.heap[child];
      if (!this.before(next, node)) break;
      this.heap[at] = next;
      this.position[next] = at;
      at = child;
    }
    this.heap[at] = node;
    this.position[node] = at;
  }
}
