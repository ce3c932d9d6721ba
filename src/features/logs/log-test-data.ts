// A generated log for the viewer's tests and measurements: lines shaped like Flink's log4j
// output, with a hostile line (markup from the sandbox's hostile demo job) every 5,000 lines.
// Only imported by *.test.* files.

const CLASSES = [
  'org.apache.flink.runtime.taskexecutor.TaskExecutor',
  'org.apache.flink.runtime.taskmanager.Task',
  'org.apache.flink.runtime.checkpoint.CheckpointCoordinator',
  'org.apache.flink.runtime.io.network.netty.NettyServer',
  'org.apache.flink.streaming.runtime.tasks.StreamTask',
];

export const HOSTILE_LINE_TEXT = `Received task <img src=x onerror=alert('xss-img')> (1/1)#0`;
export const RARE_TERM = 'TaskManagerRunner';

/** A log of about `bytes` characters; returns the text and its exact line count. */
export function generateLog(bytes: number): { text: string; lines: number; hostileLines: number; rareLines: number } {
  const parts: string[] = [];
  let length = 0;
  let i = 0;
  let hostileLines = 0;
  let rareLines = 0;
  while (length < bytes) {
    let line: string;
    if (i % 5000 === 0) {
      line = `2026-11-26 19:21:34,${String(i % 1000).padStart(3, '0')} INFO  ${CLASSES[0]} [] - ${HOSTILE_LINE_TEXT}\n`;
      hostileLines++;
    } else if (i % 50_000 === 1) {
      line = `2026-11-26 19:21:15,142 INFO  org.apache.flink.runtime.taskexecutor.${RARE_TERM}      [] -  Starting TaskManager (line ${i})\n`;
      rareLines++;
    } else {
      const cls = CLASSES[i % CLASSES.length] ?? '';
      line = `2026-11-26 19:${String(Math.floor(i / 60000) % 60).padStart(2, '0')}:${String(Math.floor(i / 1000) % 60).padStart(2, '0')},${String(i % 1000).padStart(3, '0')} INFO  ${cls} [] - Event ${i}: checkpoint ${i % 977} of job 52b55582369c4b745bdd71ecba17202d acknowledged by subtask ${i % 8}\n`;
    }
    parts.push(line);
    length += line.length;
    i++;
  }
  return { text: parts.join(''), lines: i, hostileLines, rareLines };
}
