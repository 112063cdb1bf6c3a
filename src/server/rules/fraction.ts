/** Exact rational arithmetic on BigInt, for scores that must round once, at the end. */
export class Fraction {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint | number, d: bigint | number = 1n) {
    let nn = BigInt(n);
    let dd = BigInt(d);
    if (dd === 0n) throw new RangeError('division by zero');
    if (dd < 0n) {
      nn = -nn;
      dd = -dd;
    }
    const g = gcd(nn < 0n ? -nn : nn, dd);
    this.n = g ? nn / g : nn;
    this.d = g ? dd / g : dd;
  }
  add(o: Fraction) {
    return new Fraction(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  mul(o: Fraction | number | bigint) {
    const f = o instanceof Fraction ? o : new Fraction(o);
    return new Fraction(this.n * f.n, this.d * f.d);
  }
  div(o: Fraction | number | bigint) {
    const f = o instanceof Fraction ? o : new Fraction(o);
    return new Fraction(this.n * f.d, this.d * f.n);
  }
  toNumber() {
    return Number(this.n) / Number(this.d);
  }
  /** Exact half-up rounding to `dp` decimals (for non-negative values). */
  roundHalfUp(dp = 2): number {
    const f = 10n ** BigInt(dp);
    const scaled = (2n * this.n * f + this.d) / (2n * this.d); // floor(x·f + ½)
    return Number(scaled) / Number(f);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}
