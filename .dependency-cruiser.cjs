// The layer rules (docs/ARCHITECTURE.md), checked by `npm run lint`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", comment: "Modules must not import each other, directly or through others.", from: {}, to: { circular: true } },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "lib/domain (game, tournament, the lists) imports nothing outside lib/domain: no I/O, no framework.",
      from: { path: "^lib/domain/", pathNot: "\\.test\\.ts$" },
      to: { pathNot: "^lib/domain/" },
    },
    {
      name: "protocol-on-domain-only",
      severity: "error",
      comment: "lib/protocol is wire schemas and event maps: it may use the domain's lists and zod, nothing else.",
      from: { path: "^lib/protocol/", pathNot: "\\.test\\.ts$" },
      to: { pathNot: ["^lib/protocol/", "^lib/domain/", "node_modules/zod/"] },
    },
    {
      name: "services-know-no-transport",
      severity: "error",
      comment: "lib/app reaches the engine and the sockets through its ports (lib/app/ports.ts), never by import; nor Next or Socket.IO.",
      from: { path: "^lib/app/" },
      to: { path: ["^lib/transport/", "^lib/engine/", "^app/", "node_modules/(socket\\.io|next|next-auth)/"] },
    },
    {
      name: "engine-knows-no-transport",
      severity: "error",
      comment: "lib/engine runs matches; the Socket.IO adapter hands it a broadcast function.",
      from: { path: "^lib/engine/" },
      to: { path: ["^lib/transport/", "^app/", "node_modules/(socket\\.io|next|next-auth)/"] },
    },
    {
      name: "infra-is-the-bottom",
      severity: "error",
      comment: "lib/infra (database, store, log) knows nothing of the layers above it.",
      from: { path: "^lib/infra/" },
      to: { path: ["^lib/(app|engine|transport|client)/", "^app/", "^components/"] },
    },
    {
      name: "client-imports-no-server",
      severity: "error",
      comment:
        "Browser code (lib/client, components, the client components under app/: error.tsx and the capitalised files) uses the domain, the protocol and its own pieces; types only from the server.",
      from: { path: ["^lib/client/", "^components/", "^app/error\\.tsx$", "^app/.*/[A-Z][^/]*\\.tsx$"] },
      to: { path: ["^lib/(app|engine|infra|transport)/", "^server\\.ts$"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "pages-and-routes-through-the-context",
      severity: "error",
      comment:
        "Pages and route handlers are bundled apart from server.ts: they reach the services through appContext() and the HTTP helpers, never engine or infra code (which would be a second copy), and services' modules for types only.",
      from: { path: "^app/" },
      to: {
        path: ["^lib/(engine|infra)/", "^lib/app/", "^lib/transport/socketio/"],
        pathNot: ["^lib/app/context\\.ts$"],
        dependencyTypesNot: ["type-only"],
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^lib/infra/db/generated/", "^\\.next/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
