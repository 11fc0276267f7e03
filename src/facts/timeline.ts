/** Reading a fact's timeline (a module of its own: the CLI's `facts` answer needs nothing else). */
import type { FactTimeline, TimelineEntry } from './types.js';

/** The entry of a timeline valid on a date. */
export function entryOn(t: FactTimeline, date: string): TimelineEntry | undefined {
  return t.timeline.find((e) => e.validFrom <= date && (e.validTo === null || date <= e.validTo));
}
