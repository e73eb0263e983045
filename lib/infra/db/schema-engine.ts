// Prisma's schema engine compiled to Wasm: `prisma migrate` without the native engine the CLI
// would download. The package's ESM entry imports a .wasm file, which Node refuses, so the
// module is instantiated here by hand.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

let initialised: Promise<void> | undefined;

function initialiseWasm(): Promise<void> {
  initialised ??= (async () => {
    const require = createRequire(import.meta.url);
    // The .wasm file is not in the package's exports map; it sits beside the bindings.
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const compiled = await WebAssembly.compile(await readFile(wasmPath));
    const instance = await WebAssembly.instantiate(compiled, { "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports });
    const bindings = engineBindings as unknown as { __wbg_set_wasm(exports: unknown): void };
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return initialised;
}

export async function openSchemaEngine(adapterFactory: SqlMigrationAwareDriverAdapterFactory, schema: string): Promise<SchemaEngine> {
  await initialiseWasm();
  const { SchemaEngine: Engine } = engineBindings as unknown as { SchemaEngine: typeof SchemaEngine };
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  // The callback receives the engine's log lines; they are noise for an app start.
  return Engine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, adapter);
}
