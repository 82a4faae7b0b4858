// `npm run test:vscode`: downloads a VS Code build with @vscode/test-electron and runs
// test/vscode/suite in its extension host, with the repository as the extension under
// development and test/vscode/fixtures/ as the workspace. Needs internet access for the
// download (cached in .vscode-test/); without it, one line says so and the exit status is 1.
// Not part of `npm test` (scripts/run-tests.mjs skips out/test/vscode/).
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const version = process.env.LAYERWISE_VSCODE_VERSION || 'stable';
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: 30_000, cachePath: path.join(root, '.vscode-test') });
  } catch (e) {
    console.error(`test:vscode: could not download VS Code (${version}): ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index'),
      launchArgs: [
        path.join(root, 'test', 'vscode', 'fixtures'),
        '--disable-extensions', // no Docker extension: our own `dockerfile` language must do
        '--disable-workspace-trust', // trusted mode; the restricted mode is a separate run
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
    return 0;
  } catch (e) {
    console.error(`test:vscode: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

void main().then((code) => { process.exitCode = code; });
