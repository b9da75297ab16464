import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const top = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'triage-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/triage.ts', ...args], { cwd: top, encoding: 'utf8', input, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run triage', () => {
  it('prints one result per good line, in order, and reports bad lines by number', () => {
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: 'Veel sterkte aan alle slachtoffers 💔', lang: 'nl' }),
        '{"id": "b", "text": ',
        '',
        JSON.stringify({ id: 'c' }),
        JSON.stringify({ id: 7, text: '#PrayForBoston looking for a loved one? call 617-635-4500', created_at: '2013-04-15T20:00:00Z', author: 'someone', retweeted_by: null }),
        JSON.stringify({ id: 'd', text: 'ok', created_at: 'yesterday' }),
      ].join('\n') + '\n',
    );
    const r = run(['--jsonl', file]);
    expect(r.status).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(['a', '7']);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(expect.arrayContaining(['id', 'label', 'confidence', 'cues', 'sympathy_only', 'duplicate_of', 'offer']));
      expect(o.duplicate_of).toBeNull();
      expect(o.offer).toBeNull();
    }
    expect(out[0]?.sympathy_only).toBe(true);
    expect(out[1]?.sympathy_only).toBe(false);
    expect(r.stderr).toMatch(/:2: invalid JSON/);
    expect(r.stderr).toMatch(/:4: missing "text"/);
    expect(r.stderr).toMatch(/:6: "created_at" is not an ISO 8601 date/);
    expect(r.stderr).not.toMatch(/:3:/); // blank lines are skipped silently
  }, 60_000);

  it('reads stdin with "-" and exits 0 when every line is good', () => {
    const r = run(['--jsonl', '-'], `${JSON.stringify({ id: 'x', text: 'stay strong' })}\n`);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('x');
    expect(r.stderr).toBe('');
  }, 60_000);

  it('explains its usage and a missing file', () => {
    expect(run([]).status).toBe(2);
    const r = run(['--jsonl', join(dir, 'nope.jsonl')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nope\.jsonl/);
  }, 60_000);
});
