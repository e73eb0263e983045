// One reading of the CI variable for every test helper: CI=true, CI=1, CI=yes… (any non-empty
// value but "false" and "0") means a CI run, where a suite that cannot run is an error, not a skip.
export function isCI(value = process.env.CI): boolean {
  const normalised = (value ?? "").trim().toLowerCase();
  return normalised !== "" && normalised !== "false" && normalised !== "0";
}
