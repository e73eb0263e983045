// Public API of the pure Pong simulation, shared by the server (authoritative, 60 Hz) and clients
// (prediction and rendering).
export * from "./constants";
export type * from "./types";
export { clampToField, createSimulation, movePaddle, step } from "./simulation";
