// Public API of the AI player: the engine keeps an AiState per AI match (inside its snapshot) and
// calls aiTick once per tick while the match is playing.
export { AI_LEVELS, type AiLevel } from "../lists";
export { AI_LEVEL_SPECS, type AiLevelSpec, type Foresight } from "./levels";
export { aiTick, createAi, type AiDecision, type AiState, type AiView, type Waypoint } from "./player";
