// Public API of match replays: record a live match, encode and decode the versioned format, and
// re-simulate it for the viewer.
export { decodeRecording, REPLAY_FORMAT_VERSION, type DecodeResult, type Replay, type ReplayEnvelope, type ReplayInput } from "./format";
export { createRecording, encodeRecording, recordInput, SEAL_EVERY_INPUTS, type Recording } from "./recorder";
export { KEYFRAME_EVERY_TICKS, nextFrame, resimulate, stateAt, stateAtSeconds, type PointMarker, type Timeline } from "./timeline";
