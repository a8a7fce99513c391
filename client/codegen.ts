import type { CodegenConfig } from "@graphql-codegen/cli";

// Client types come from the committed SDL; `npm test` fails when client/src/gql is stale.
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["client/src/**/*.{ts,tsx}", "!client/src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "client/src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: { unmaskFunctionName: "getFragmentData" } },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: "string" },
      },
    },
  },
};

export default config;
