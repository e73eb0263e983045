// One-line logs with a level, so operators can grep and filter them.
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createLogger(minimum: Level = "info"): Logger {
  const write = (level: Level) => (message: string) => {
    if (order[level] < order[minimum]) return;
    const line = `${new Date().toISOString()} ${level.padEnd(5)} ${message}`;
    if (order[level] >= order.warn) console.error(line);
    else console.log(line);
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
