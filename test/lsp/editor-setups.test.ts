import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LspClient } from '../helpers/lsp-client.js';
import { CLI_MAIN, ROOT } from '../helpers/paths.js';

const EDITORS = readFileSync(join(ROOT, 'docs/editors.md'), 'utf8');
const extension = JSON.parse(readFileSync(join(ROOT, 'examples/vscode-raci/package.json'), 'utf8')) as {
  contributes: { configuration: { properties: { 'raci.command': { default: string[] } } } };
};
const COMMAND = extension.contributes.configuration.properties['raci.command'].default;

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('the editor set-ups of docs/editors.md and examples/vscode-raci', () => {
  it('all start the server with the same command', () => {
    expect(COMMAND).toEqual(['npx', '--no', 'raci', 'lsp', '--stdio']);
    // Neovim's cmd, Helix's command and args, the generic client's settings.
    expect(EDITORS).toContain("cmd = { 'npx', '--no', 'raci', 'lsp', '--stdio' }");
    expect(EDITORS).toContain('command = "npx"\nargs = ["--no", "raci", "lsp", "--stdio"]');
    expect(EDITORS).toContain('"glspc.server.commandArguments": ["--no", "raci", "lsp", "--stdio"]');
  });

  it('whose arguments after `raci` start a server that answers and ends cleanly (the built raci standing for npx)', async () => {
    const args = COMMAND.slice(COMMAND.indexOf('raci') + 1);
    const server = spawn(process.execPath, [CLI_MAIN, ...args], { cwd: ROOT });
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    const client = new LspClient(server.stdout, server.stdin);
    const { serverInfo } = await client.initialize({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    expect(serverInfo?.name).toBe('raci');
    // An editor that can watch files for the server is asked to report the configuration files.
    await waitFor(() => client.registrations.length > 0);
    expect(client.registrations.map(({ method, registerOptions }) => [method, registerOptions])).toEqual([
      [
        'workspace/didChangeWatchedFiles',
        { watchers: [{ globPattern: '**/{raci.config.json,raci.config.yaml,raci.config.yml,package.json}' }] },
      ],
    ]);
    await client.shutdown();
    expect(await exited).toBe(0);
  });
});
