/** Where a solve is: which phase, and how far through it (0..1). */
export interface SolveProgress {
  /** 'prices': the auction that warm-starts a cold solve; 'assignment': placing mentees; 'repair': freeing overpriced seats. */
  phase: 'prices' | 'assignment' | 'repair';
  fraction: number;
}

/** Progress and cancellation for long solves (a product shows the progress bar and a cancel button). */
export interface SolveControl {
  /** Called often enough for a progress bar (about every few milliseconds of work), never per step. */
  onProgress?: (progress: SolveProgress) => void;
  /**
   * Checked at every progress checkpoint; an aborted signal stops the solve with the signal's reason
   * (an `AbortError` by default). With the synchronous solvers the abort has to come from
   * `onProgress` or another thread; `assignOptimalAsync` yields to the event loop between checkpoints.
   */
  signal?: AbortSignal;
}

/** Progress and cancellation for any stepwise computation with its own kind of progress `P`. */
export interface StepControl<P> {
  onProgress?: (progress: P) => void;
  signal?: AbortSignal;
}

/** Runs a stepwise solve to its end, reporting each checkpoint and honouring the signal. */
export function runSteps<T, P = SolveProgress>(steps: Generator<P, T>, control: StepControl<P>): T {
  control.signal?.throwIfAborted();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    control.onProgress?.(step.value);
    control.signal?.throwIfAborted();
  }
}

/** Like `runSteps`, but lets the event loop run (timers, I/O, an abort) every `sliceMs` of work. */
export async function runStepsAsync<T, P = SolveProgress>(
  steps: Generator<P, T>,
  control: StepControl<P>,
  sliceMs = 20,
): Promise<T> {
  control.signal?.throwIfAborted();
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    control.onProgress?.(step.value);
    if (Date.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      sliceStart = Date.now();
    }
    control.signal?.throwIfAborted();
  }
}
