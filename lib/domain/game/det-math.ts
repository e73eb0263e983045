// Deterministic replacements for the Math functions ECMAScript does not pin down. Math.sin,
// Math.cos and Math.hypot are "implementation-approximated": engines may return different last
// bits (V8 ports fdlibm, others call the system's libm), and one differing bit in a bounce angle
// is enough for a replay to drift away from the match it recorded. These use only + − × ÷ and
// Math.sqrt/Math.round, which IEEE 754 and the spec fix exactly, so every engine gets the same bits.

// π/2 split in two (fdlibm's pio2_1 and pio2_1t): HI has 33 significant bits, so k × HI is exact
// for |k| < 2^20 and the reduction loses nothing for the angles anyone passes here.
const HALF_PI_HI = 1.5707963267341256;
const HALF_PI_LO = 6.077100506506192e-11;

// Taylor coefficients, highest degree first. On |r| ≤ π/4 the first omitted terms (r^19/19!,
// r^18/18!) are below 1e-17, so the polynomials are as good as the arithmetic evaluating them.
const SIN_COEFFS = [1 / 355687428096000, -1 / 1307674368000, 1 / 6227020800, -1 / 39916800, 1 / 362880, -1 / 5040, 1 / 120, -1 / 6];
const COS_COEFFS = [1 / 20922789888000, -1 / 87178291200, 1 / 479001600, -1 / 3628800, 1 / 40320, -1 / 720, 1 / 24, -1 / 2];

function horner(coeffs: readonly number[], z: number): number {
  let sum = 0;
  for (const c of coeffs) sum = sum * z + c;
  return sum;
}

const sinNear0 = (r: number) => r + r * (r * r) * horner(SIN_COEFFS, r * r);
const cosNear0 = (r: number) => 1 + r * r * horner(COS_COEFFS, r * r);

/** x = k·π/2 + r with |r| ≤ π/4 (about); k taken modulo 4 picks the quadrant. */
function reduce(x: number): { quadrant: number; r: number } {
  const k = Math.round(x / (HALF_PI_HI + HALF_PI_LO));
  return { quadrant: ((k % 4) + 4) % 4, r: x - k * HALF_PI_HI - k * HALF_PI_LO };
}

/** sin(x), the same bits on every engine; within a few 1e-16 of the true value for |x| < 1e5. */
export function detSin(x: number): number {
  const { quadrant, r } = reduce(x);
  switch (quadrant) {
    case 0:
      return sinNear0(r);
    case 1:
      return cosNear0(r);
    case 2:
      return -sinNear0(r);
    default:
      return -cosNear0(r);
  }
}

/** cos(x), the same bits on every engine; within a few 1e-16 of the true value for |x| < 1e5. */
export function detCos(x: number): number {
  const { quadrant, r } = reduce(x);
  switch (quadrant) {
    case 0:
      return cosNear0(r);
    case 1:
      return -sinNear0(r);
    case 2:
      return -cosNear0(r);
    default:
      return sinNear0(r);
  }
}

/** √(x² + y²) without Math.hypot's engine-specific summation; no overflow guard (game speeds are small). */
export function detHypot(x: number, y: number): number {
  return Math.sqrt(x * x + y * y);
}
