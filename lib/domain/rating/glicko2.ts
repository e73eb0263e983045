// Glicko-2 (Mark Glickman, "Example of the Glicko-2 system", 2012): a rating, its deviation (how
// unsure it is) and its volatility (how erratic the player is). Each rated game is a rating period
// of its own, as on lichess; a day without games widens the deviation by one empty period.

export interface Rating {
  rating: number;
  deviation: number;
  volatility: number;
}

/** The first-game score of the player it is for: 1 a win, 0 a loss (Pong has no draws, Glicko-2 does). */
export type Score = 0 | 0.5 | 1;

export interface Game {
  opponent: Rating;
  score: Score;
}

export const INITIAL_RATING: Rating = { rating: 1500, deviation: 350, volatility: 0.06 };
/** The system constant: how much volatility may change in one period. */
export const TAU = 0.5;
/** A rating less sure than this is provisional: shown with "?" and kept off the leaderboard. */
export const PROVISIONAL_DEVIATION = 110;
/** No deviation grows past a newcomer's. */
export const MAX_DEVIATION = INITIAL_RATING.deviation;

/** Glicko-2's scale factor between the Glicko scale (1500 ± 350) and its own (0 ± 2.01). */
const SCALE = 173.7178;
/** Convergence tolerance of the volatility iteration (the paper's ε). */
const EPSILON = 0.000001;

const g = (phi: number) => 1 / Math.sqrt(1 + (3 * phi * phi) / (Math.PI * Math.PI));
const expected = (mu: number, muJ: number, phiJ: number) => 1 / (1 + Math.exp(-g(phiJ) * (mu - muJ)));

export const isProvisional = (rating: Rating) => rating.deviation > PROVISIONAL_DEVIATION;

/** The player's rating after one period with these games (the paper's steps 1 to 8). */
export function ratePeriod(player: Rating, games: Game[], tau = TAU): Rating {
  if (games.length === 0) return afterInactivity(player, 1);
  const mu = (player.rating - 1500) / SCALE;
  const phi = player.deviation / SCALE;
  const sigma = player.volatility;

  let inverseV = 0;
  let sum = 0;
  for (const { opponent, score } of games) {
    const muJ = (opponent.rating - 1500) / SCALE;
    const gJ = g(opponent.deviation / SCALE);
    const e = expected(mu, muJ, opponent.deviation / SCALE);
    inverseV += gJ * gJ * e * (1 - e);
    sum += gJ * (score - e);
  }
  const v = 1 / inverseV;
  const delta = v * sum;

  const newSigma = newVolatility(delta, phi, v, sigma, tau);
  const phiStar = Math.sqrt(phi * phi + newSigma * newSigma);
  const newPhi = 1 / Math.sqrt(1 / (phiStar * phiStar) + 1 / v);
  const newMu = mu + newPhi * newPhi * sum;
  return { rating: SCALE * newMu + 1500, deviation: Math.min(SCALE * newPhi, MAX_DEVIATION), volatility: newSigma };
}

/** Step 5: the new volatility, by the Illinois algorithm. */
function newVolatility(delta: number, phi: number, v: number, sigma: number, tau: number): number {
  const a = Math.log(sigma * sigma);
  const f = (x: number) => {
    const ex = Math.exp(x);
    const d = phi * phi + v + ex;
    return (ex * (delta * delta - phi * phi - v - ex)) / (2 * d * d) - (x - a) / (tau * tau);
  };
  let A = a;
  let B: number;
  if (delta * delta > phi * phi + v) {
    B = Math.log(delta * delta - phi * phi - v);
  } else {
    let k = 1;
    while (f(a - k * tau) < 0) k++;
    B = a - k * tau;
  }
  let fA = f(A);
  let fB = f(B);
  while (Math.abs(B - A) > EPSILON) {
    const C = A + ((A - B) * fA) / (fB - fA);
    const fC = f(C);
    if (fC * fB <= 0) {
      A = B;
      fA = fB;
    } else {
      fA /= 2;
    }
    B = C;
    fB = fC;
  }
  return Math.exp(A / 2);
}

/** `days` periods without games: the deviation grows (step 6 alone), up to a newcomer's. */
export function afterInactivity(player: Rating, days: number): Rating {
  if (days <= 0) return player;
  const phi = player.deviation / SCALE;
  const grown = SCALE * Math.sqrt(phi * phi + days * player.volatility * player.volatility);
  return { ...player, deviation: Math.min(grown, MAX_DEVIATION) };
}

/** One rated game between two players, its own rating period: both new ratings. */
export function rateGame(a: Rating, b: Rating, scoreOfA: Score): { a: Rating; b: Rating } {
  return { a: ratePeriod(a, [{ opponent: b, score: scoreOfA }]), b: ratePeriod(b, [{ opponent: a, score: (1 - scoreOfA) as Score }]) };
}
