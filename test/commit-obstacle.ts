/**
 * Preloaded (`node -r`) into a steward command by the all-or-none tests. STEWARD_TEST_TARGETS lists the files the
 * command will write (one per line). At its first rename or link that touches one of them — the moment it starts
 * putting its files in place, every temporary file written and checked — another of them becomes an obstacle: a
 * folder holding a file, or, with STEWARD_TEST_OBSTACLE_TEXT, a file with that text (another program's, written
 * meanwhile). A command writing one file gets its obstacle at that file itself, just before it is put in place.
 * Only the moment is chosen here: the obstacle and the command's file operations are all real.
 */
import fs from 'node:fs';
import path from 'node:path';

const targets = (process.env.STEWARD_TEST_TARGETS ?? '').split('\n').filter(Boolean);
const text = process.env.STEWARD_TEST_OBSTACLE_TEXT;
let arranged = false;

function arrange(from: fs.PathLike, to: fs.PathLike): void {
  if (arranged) return;
  const involved = [path.resolve(String(from)), path.resolve(String(to))];
  if (!targets.some((target) => involved.includes(target))) return;
  arranged = true;
  const obstacle = targets.length === 1 ? targets[0] : targets.find((target) => !involved.includes(target))!;
  fs.rmSync(obstacle, { force: true });
  if (text !== undefined) fs.writeFileSync(obstacle, text);
  else {
    fs.mkdirSync(obstacle);
    fs.writeFileSync(path.join(obstacle, 'inside.txt'), 'not yours\n');
  }
}

const { renameSync, linkSync } = fs;
fs.renameSync = (from, to) => {
  arrange(from, to);
  renameSync(from, to);
};
fs.linkSync = (from, to) => {
  arrange(from, to);
  linkSync(from, to);
};
