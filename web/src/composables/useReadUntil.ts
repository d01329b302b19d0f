// Reading again until a page shows what another service does after an event: a manager's decision is approval's,
// and engagement's team view follows it a moment later; a signed convention's copy is made by the documents worker.
// A fixed « read again in 1.5 s » shows the old state whenever the bus is slower than that, and for good.
//
//   const { readUntil } = useReadUntil();
//   const shown = await readUntil(() => team.run(), (items) => settled(items), { every: 500, times: 30 });
//   `first`: the wait before the first read, when it differs from the others (default: `every`).
//
// `read` resolves to the new answer (undefined when the call failed: it is tried again); `settled` says whether the
// answer shows the change. Resolves true once it does, false when `times` reads did not show it, or when the page
// went away meanwhile (every timer is cleared on unmount).
import { onBeforeUnmount } from "vue";

export interface ReadUntilOptions {
  every?: number;
  times?: number;
  first?: number;
}

export function useReadUntil() {
  // Each pause's timer and how to end it early: a page that goes away ends them all, and its reads stop.
  const pauses = new Map<ReturnType<typeof setTimeout>, () => void>();
  let gone = false;

  onBeforeUnmount(() => {
    gone = true;
    for (const [timer, end] of pauses) {
      clearTimeout(timer);
      end();
    }
    pauses.clear();
  });

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pauses.delete(timer);
        resolve();
      }, ms);
      pauses.set(timer, resolve);
    });
  }

  async function readUntil<T>(read: () => Promise<T | undefined>, settled: (answer: T) => boolean,
    { every = 500, times = 30, first = every }: ReadUntilOptions = {}): Promise<boolean> {
    for (let attempt = 0; attempt < times; attempt += 1) {
      await pause(attempt === 0 ? first : every);
      if (gone) return false;
      let answer: T | undefined;
      try {
        answer = await read();
      } catch {
        answer = undefined; // a blip: the next read may work
      }
      if (gone) return false;
      if (answer !== undefined && settled(answer)) return true;
    }
    return false;
  }

  return { readUntil };
}
