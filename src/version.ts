import { createRequire } from 'node:module';

// Read at run time so that the version in records and --version cannot drift from package.json.
const packageJson = createRequire(import.meta.url)('../package.json') as { version: string };

export const VERSION: string = packageJson.version;
