import { describe, expect, it } from 'vitest';
import { indexLines, lineOfOffset, lineText, matchAtOrAfterLine, matchesBetween, searchLog } from './log-index';
import { generateLog, HOSTILE_LINE_TEXT, RARE_TERM } from './log-test-data';

describe('indexLines', () => {
  it('splits at line breaks, drops \\r, and ignores a final newline', () => {
    const index = indexLines('first\r\nsecond\n\nfourth\n');
    expect(index.lineCount).toBe(4);
    expect([0, 1, 2, 3].map((i) => lineText(index, i))).toEqual(['first', 'second', '', 'fourth']);
    expect(indexLines('').lineCount).toBe(0);
    expect(indexLines('no newline').lineCount).toBe(1);
    expect(lineText(indexLines('no newline'), 0)).toBe('no newline');
  });

  it('maps offsets back to lines', () => {
    const index = indexLines('aa\nbbb\ncccc');
    expect(lineOfOffset(index, 0)).toBe(0);
    expect(lineOfOffset(index, 2)).toBe(0); // the newline belongs to its line
    expect(lineOfOffset(index, 3)).toBe(1);
    expect(lineOfOffset(index, 10)).toBe(2);
  });
});

describe('searchLog', () => {
  const index = indexLines('Alpha beta\nBETA gamma (x+1)\nbeta beta\n');

  it('finds literal text case-insensitively by default, case-sensitively on request', () => {
    expect(searchLog(index, 'beta').count).toBe(4);
    expect(searchLog(index, 'beta', true).count).toBe(3);
    expect(searchLog(index, '').count).toBe(0);
    // Pattern characters are literal text, not a regular expression.
    expect(searchLog(index, '(x+1)').count).toBe(1);
    expect(searchLog(index, '.*').count).toBe(0);
  });

  it('gives the matches of a line and the first match from a line on', () => {
    const search = searchLog(index, 'beta');
    const [start, end] = [index.starts[2] ?? 0, index.text.length - 1];
    expect(matchesBetween(search, start, end)).toEqual([
      [0, 4],
      [5, 9],
    ]);
    expect(matchAtOrAfterLine(index, search, 1)).toBe(1);
    expect(matchAtOrAfterLine(index, search, 2)).toBe(2);
    expect(matchAtOrAfterLine(index, searchLog(index, 'alpha'), 2)).toBe(0); // wraps around
  });
});

describe('a 50 MB log', () => {
  it('is indexed and searched in tens of milliseconds (measured, not asserted)', () => {
    const generated = generateLog(50 * 1024 * 1024);
    const { text } = generated;

    let started = performance.now();
    const index = indexLines(text);
    const indexMs = performance.now() - started;
    expect(index.lineCount).toBe(generated.lines);

    started = performance.now();
    const rare = searchLog(index, RARE_TERM.toLowerCase());
    const rareMs = performance.now() - started;
    expect(rare.count).toBe(generated.rareLines);

    started = performance.now();
    const hostile = searchLog(index, "onerror=alert('xss-img')", true);
    const hostileMs = performance.now() - started;
    expect(hostile.count).toBe(generated.hostileLines);
    expect(lineText(index, lineOfOffset(index, hostile.offsets[0] ?? 0))).toContain(HOSTILE_LINE_TEXT);

    started = performance.now();
    const common = searchLog(index, 'checkpoint');
    const commonMs = performance.now() - started;
    expect(common.count).toBeGreaterThan(generated.lines / 2);

    started = performance.now();
    const absent = searchLog(index, 'no such text anywhere');
    const absentMs = performance.now() - started;
    expect(absent.count).toBe(0);

    const mb = (text.length / 1024 / 1024).toFixed(1);
    console.log(
      `[log-index] ${mb} MB, ${index.lineCount.toLocaleString('en-US')} lines: index ${indexMs.toFixed(1)} ms; ` +
        `search rare (case-insensitive, ${rare.count} hits) ${rareMs.toFixed(1)} ms, ` +
        `hostile (case-sensitive, ${hostile.count} hits) ${hostileMs.toFixed(1)} ms, ` +
        `common (${common.count.toLocaleString('en-US')} hits) ${commonMs.toFixed(1)} ms, absent ${absentMs.toFixed(1)} ms`,
    );
  });
});
