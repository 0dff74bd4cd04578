// A bounded best-k heap: search keeps the page's best hits without sorting every candidate.

/** The best `k` items offered, worst at the root (k = Infinity keeps them all, unordered). */
export class TopK<T> {
  readonly items: T[] = [];
  constructor(
    private readonly k: number,
    private readonly before: (a: T, b: T) => boolean,
  ) {}
  get full(): boolean {
    return this.items.length >= this.k;
  }
  get worst(): T | undefined {
    return this.items[0];
  }
  /** The heap item at i (callers stay inside 0..length-1). */
  private at(i: number): T {
    return this.items[i] ?? this.items[0];
  }

  offer(x: T): void {
    const h = this.items;
    if (this.k === Infinity) {
      h.push(x);
      return;
    }
    if (h.length < this.k) {
      h.push(x);
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.before(this.at(parent), this.at(i))) break;
        [h[parent], h[i]] = [this.at(i), this.at(parent)];
        i = parent;
      }
      return;
    }
    if (!this.before(x, this.at(0))) return;
    h[0] = x;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < h.length && this.before(this.at(worst), this.at(l))) worst = l;
      if (r < h.length && this.before(this.at(worst), this.at(r))) worst = r;
      if (worst === i) break;
      [h[worst], h[i]] = [this.at(i), this.at(worst)];
      i = worst;
    }
  }
  sorted(): T[] {
    return [...this.items].sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
  }
}
