// Timed child processes with memory sampled from /proc (Linux): VmRSS every `everyMs`, and VmHWM (the kernel's
// own peak-RSS mark) at the last sample. gongkai's worker threads live in one process, so its RSS is the sum
// over all workers plus the main thread.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface Sample { atMs: number; rssMb: number }

export interface Measured {
  code: number | null;
  wallMs: number;
  /** Highest VmHWM/VmRSS seen, MB. */
  peakMb: number;
  samples: Sample[];
  stderr: string;
}

function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined; // exited, or not Linux
  }
}

export function measure(command: string, args: string[], everyMs = 100): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const samples: Sample[] = [];
    let peakMb = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const sample = () => {
      const rss = procStatusMb(child.pid!, 'VmRSS');
      const hwm = procStatusMb(child.pid!, 'VmHWM');
      if (rss !== undefined) samples.push({ atMs: performance.now() - started, rssMb: rss });
      peakMb = Math.max(peakMb, rss ?? 0, hwm ?? 0);
    };
    const timer = setInterval(sample, everyMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, wallMs: performance.now() - started, peakMb, samples, stderr });
    });
  });
}

/**
 * Run `pdftotext -layout` on every file, `jobs` at a time, writing the text files into outDir. Peak memory: each process's own peak RSS from GNU time
 * (%M) when /usr/bin/time exists; the reported figure is the sum of the `jobs` largest, i.e. the most that
 * `jobs` concurrent processes can have held at once.
 */
export async function runPdftotext(files: string[], jobs: number, outDir: string): Promise<{ wallMs: number; peakMb: number | null; failures: number }> {
  let hasTime = true;
  try { readFileSync('/usr/bin/time'); } catch { hasTime = false; }
  const peaks: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const one = (file: string) => new Promise<void>((resolve) => {
    const args = ['-layout', file, join(outDir, `${basename(file)}.txt`)];
    const child = hasTime
      ? spawn('/usr/bin/time', ['-f', 'maxrss=%M', 'pdftotext', ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn('pdftotext', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', () => { failures++; resolve(); });
    child.on('close', (code) => {
      if (code !== 0) failures++;
      const m = /maxrss=(\d+)/.exec(err);
      if (m) peaks.push(Number(m[1]) / 1024);
      resolve();
    });
  });
  await Promise.all(Array.from({ length: jobs }, async () => {
    while (next < files.length) await one(files[next++]!);
  }));
  const top = peaks.sort((a, b) => b - a).slice(0, jobs);
  return { wallMs: performance.now() - started, peakMb: top.length ? top.reduce((s, v) => s + v, 0) : null, failures };
}
