import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypeScript,
  { ignores: [".next/**", "node_modules/**", "lib/infra/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
];

export default config;
