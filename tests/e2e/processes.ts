/** Child processes for the browser tests: commands, a free port, a server to wait for. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface RunResult {
  code: number | null;
  output: string;
}

/** Runs a command to completion, keeping its output for the failure message. */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

export async function runStep(
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
) {
  const started = Date.now();
  const result = await runCommand(command, args, env);
  if (result.code !== 0) {
    throw new Error(`${label} failed (exit code ${String(result.code)}):\n${tail(result.output)}`);
  }
  console.log(`# ${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export function tail(text: string, lines = 60): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('Could not find a free port'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface AppServer {
  process: ChildProcess;
  baseUrl: string;
  output(): string;
}

export async function startServer(
  env: NodeJS.ProcessEnv,
  command: (port: number) => { file: string; args: string[] },
  timeoutMs: number,
  host = '127.0.0.1',
): Promise<AppServer> {
  const port = await freePort();
  const baseUrl = `http://${host}:${port}`;
  const { file, args } = command(port);
  const child = spawn(file, args, {
    cwd: ROOT,
    env: { ...env, PORT: String(port), AUTH_URL: baseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const server: AppServer = { process: child, baseUrl, output: () => output };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited early:\n${tail(output)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      console.log(`# server: answering on ${baseUrl} (status ${response.status})`);
      return server;
    } catch {
      await delay(500);
    }
  }
  await stopServer(server);
  throw new Error(`the server did not answer within ${timeoutMs / 1000} s:\n${tail(output)}`);
}

export async function stopServer(server: AppServer): Promise<void> {
  const child = server.process;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid ?? 0), signal);
    } catch {
      child.kill(signal);
    }
  };
  signalGroup('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), delay(10_000).then(() => false)]);
  if (!stopped) {
    signalGroup('SIGKILL');
    await exited;
  }
}
