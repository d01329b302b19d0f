// Generates src/api/schema/<service>.ts from each service's checked-in openapi.json
// (services/<service>/openapi.json, written by `make openapi`).
//   npm run api:generate   rewrite the files
//   npm run api:check      exit 1 when a file differs from what the documents give (a test runs this)
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..");
const out = resolve(here, "..", "src", "api", "schema");
const SERVICES = ["catalog", "engagement", "approval", "documents", "notifier", "quiz", "impact"];
const check = process.argv.includes("--check");

let stale = [];
await mkdir(out, { recursive: true });
for (const service of SERVICES) {
  const document = JSON.parse(await readFile(resolve(repo, "services", service, "openapi.json"), "utf8"));
  const ast = await openapiTS(document, { alphabetize: false, defaultNonNullable: false });
  const text = `// Generated from services/${service}/openapi.json by \`npm run api:generate\`: do not edit.\n\n${astToString(ast)}`;
  const target = resolve(out, `${service}.ts`);
  let current = "";
  try {
    current = await readFile(target, "utf8");
  } catch {
    current = "";
  }
  if (current === text) continue;
  if (check) stale.push(`src/api/schema/${service}.ts`);
  else await writeFile(target, text);
}
if (stale.length) {
  console.error(`The typed API client is stale (${stale.join(", ")}): run \`npm run api:generate\` in web/ and commit the result.`);
  process.exit(1);
}
