// Public API of quick pairing: one pure wave over the waiting seekers.
export * from "./pairing";
