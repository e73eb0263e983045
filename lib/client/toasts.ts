// One limit for every list of notices (the challenge toasts, the tournament's "match ready"):
// only the newest few are kept, so that a burst of events (several tabs, several tournaments)
// does not cover the page.
export const MAX_TOASTS = 3;
