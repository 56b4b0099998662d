// Runs the command line from the sources in a child process, as `bin/gongwen.js` runs the build.
import { run } from '../../src/cli/main.js';

await run();
