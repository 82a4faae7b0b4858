// Runs inside VS Code's extension host (`--extensionTestsPath`): a minimal sequential runner,
// no mocha. VS Code calls run(); a rejected promise fails the run.
import { tests } from './extension.test';

export async function run(): Promise<void> {
  const failed: string[] = [];
  for (const [name, fn] of tests) {
    const t0 = Date.now();
    try {
      await fn();
      console.log(`ok - ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed.push(name);
      console.error(`not ok - ${name}\n  ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }
  console.log(`# tests ${tests.length}\n# pass ${tests.length - failed.length}\n# fail ${failed.length}`);
  if (failed.length) throw new Error(`${failed.length} extension-host test(s) failed: ${failed.join(', ')}`);
}
