import { describe, expect, it } from 'vitest';
import { atEnd, followAfterScroll, logKeyAction } from './follow';

const at = (scrollTop: number) => ({ scrollTop, scrollHeight: 1000, clientHeight: 400 });

describe('log following', () => {
  it('is at the end within a few pixels of the bottom', () => {
    expect(atEnd(at(600))).toBe(true);
    expect(atEnd(at(597))).toBe(true);
    expect(atEnd(at(590))).toBe(false);
  });

  it('stops following when the user scrolls up, not when the viewer scrolls down or the file grows', () => {
    expect(followAfterScroll(true, 600, at(300), true)).toBe(false);
    expect(followAfterScroll(true, 200, at(300), true)).toBe(true); // the viewer moving towards the end
    expect(followAfterScroll(false, 200, at(300), true)).toBe(false);
  });

  it('resumes at the end of a tail, not of a file opened at the top', () => {
    expect(followAfterScroll(false, 300, at(600), true)).toBe(true);
    expect(followAfterScroll(false, 300, at(600), false)).toBe(false);
    expect(followAfterScroll(true, 300, at(600), false)).toBe(true);
  });

  it('maps Home/g to the top and End/G to the end', () => {
    expect(logKeyAction('Home', false)).toBe('top');
    expect(logKeyAction('g', false)).toBe('top');
    expect(logKeyAction('End', false)).toBe('end');
    expect(logKeyAction('G', true)).toBe('end');
    expect(logKeyAction('j', false)).toBeNull();
  });
});
