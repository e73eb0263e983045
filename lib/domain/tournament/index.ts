export type { Bracket, BracketCellState, BracketMatch, PlayerRecord } from "./types";
export {
  bracketSize,
  byeCount,
  champion,
  createBracket,
  currentRound,
  isFinished,
  isResolved,
  isRoundComplete,
  pairingText,
  playableMatches,
  reportResult,
  roundCount,
  seedByRecord,
  seedOrder,
  withdraw,
} from "./bracket";
